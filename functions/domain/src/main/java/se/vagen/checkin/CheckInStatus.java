package se.vagen.checkin;

/** OPEN until the first answer arrives (then ANSWERED); MISSED when the cycle ended without one. */
public enum CheckInStatus {
    OPEN, ANSWERED, MISSED
}
