package se.vagen.aspirant;

/** Why a plan is paused. A pause stops participation without being a risk. */
public enum PauseReason {
    PARENTAL_LEAVE, SICK_LEAVE, OTHER
}
