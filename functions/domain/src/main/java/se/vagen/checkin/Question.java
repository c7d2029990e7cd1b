package se.vagen.checkin;

/** The three check-in questions, in the order they are asked. */
public enum Question {
    PARTICIPATION, WELLBEING, HELP;

    /** The question after this one, or null after the last. */
    public Question next() {
        return this == PARTICIPATION ? WELLBEING : this == WELLBEING ? HELP : null;
    }
}
