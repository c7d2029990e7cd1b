package se.vagen.survey;

/** Reads a year's invitations and responses and computes {@link SurveyResults}. */
public class SurveyReporting {

    private final SurveyInvitationRepository invitations;
    private final SurveyResponseRepository responses;
    private final Questionnaire questionnaire;
    private final SurveyRules rules;

    public SurveyReporting(SurveyInvitationRepository invitations, SurveyResponseRepository responses,
                           Questionnaire questionnaire, SurveyRules rules) {
        this.invitations = invitations;
        this.responses = responses;
        this.questionnaire = questionnaire;
        this.rules = rules;
    }

    public SurveyResults results(String year) {
        int invited = (int) invitations.forYear(year).stream().filter(SurveyInvitation::invited).count();
        return SurveyResults.compute(year, invited, responses.forYear(year), questionnaire, rules);
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    public SurveyRules rules() {
        return rules;
    }
}
