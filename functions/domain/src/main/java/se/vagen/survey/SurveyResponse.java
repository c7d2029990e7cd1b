package se.vagen.survey;

/**
 * An anonymous response as stored (SurveyResponsesTable): the year, the employer's industry and size band (for
 * breakdowns) and the answers. Deliberately nothing else: no contact, no orgNumber, no invitation id, no token
 * and no time, so a response cannot be joined back to an invitation (docs/survey.md, "Anonymity").
 */
public record SurveyResponse(String year, String industry, String sizeBand, SurveyAnswers answers) {
}
