package se.vagen.checkin;

/** Question 1: did you take part in your activities this week? */
public enum Participation {
    YES, PARTLY, NO
}
