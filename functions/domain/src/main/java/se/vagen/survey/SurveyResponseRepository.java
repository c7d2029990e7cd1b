package se.vagen.survey;

import java.util.List;

/** Anonymous survey responses by year (SurveyResponsesTable: Query(year)). */
public interface SurveyResponseRepository {

    /**
     * Marks the invitation answered AND stores the response, atomically (one transaction: a conditional update of
     * the invitation's answered flag and a put of the response under a random id). Returns false, storing
     * nothing, if the invitation was already answered or does not exist: a response is counted at most once.
     */
    boolean submit(String invitationId, SurveyResponse response);

    /** The year's responses. */
    List<SurveyResponse> forYear(String year);
}
