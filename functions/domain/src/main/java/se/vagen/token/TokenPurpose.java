package se.vagen.token;

/** What a link is for. A token of one purpose never opens a page of another (a survey token on /c/ is unknown). */
public enum TokenPurpose {
    CHECKIN, SURVEY, SURVEY_UNSUBSCRIBE
}
