package se.vagen.forum;

/** The status of one aspirant on a week's forum list, in list order (AT_RISK first, ON_TRACK last). */
public enum ForumStatus {
    AT_RISK, ENDING, NEW, PAUSED, ON_TRACK
}
