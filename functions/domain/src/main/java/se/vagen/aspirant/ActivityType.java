package se.vagen.aspirant;

/** The activities an activity plan can hold (API.md). */
public enum ActivityType {
    SFI, SAMHALLSORIENTERING, PRAKTIK, ARBETSMARKNADSUTBILDNING, VUXENUTBILDNING, JOBBSOK, E_LEARNING, OTHER
}
