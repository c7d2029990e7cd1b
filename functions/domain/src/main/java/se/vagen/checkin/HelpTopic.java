package se.vagen.checkin;

/** Question 3: do you need help with something? NONE is an explicit "no". */
public enum HelpTopic {
    NONE, HOUSING, MONEY, STUDIES, WORK, HEALTH, CHILDCARE, OTHER
}
