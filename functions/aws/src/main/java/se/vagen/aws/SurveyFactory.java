package se.vagen.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import se.vagen.common.PublicLinks;
import se.vagen.employer.EmployerRepository;
import se.vagen.idempotency.SendLedger;
import se.vagen.messaging.EmailSender;
import se.vagen.survey.Questionnaire;
import se.vagen.survey.SurveyCampaign;
import se.vagen.survey.SurveyEmails;
import se.vagen.survey.SurveyForm;
import se.vagen.survey.SurveyInvitationRepository;
import se.vagen.survey.SurveyReporting;
import se.vagen.survey.SurveyResponseRepository;
import se.vagen.survey.SurveyRules;
import se.vagen.survey.SurveyTexts;
import se.vagen.time.WorkingCalendar;
import se.vagen.token.LinkTokens;

/**
 * Wires the employer survey's domain services with their configuration ({@link PublicLinks} for links in
 * e-mails, vagen.retention.days for how long invitations are kept) and the working-day calendar. Beans are lazy:
 * the forms function only ever builds {@link SurveyForm}, survey-links only {@link SurveyCampaign}.
 */
@Factory
public class SurveyFactory {

    @Singleton
    SurveyEmails surveyEmails(SurveyTexts texts, PublicLinks links) {
        return new SurveyEmails(texts, links);
    }

    @Singleton
    SurveyCampaign surveyCampaign(EmployerRepository employers, SurveyInvitationRepository invitations, SendLedger ledger,
                                  LinkTokens tokens, EmailSender email, SurveyEmails emails, SurveyRules rules,
                                  WorkingCalendar calendar, @Value("${vagen.retention.days:400}") int retentionDays) {
        return new SurveyCampaign(employers, invitations, ledger, tokens, email, emails, rules, calendar::isWorkingDay,
                calendar::inSendingWindow, retentionDays);
    }

    @Singleton
    SurveyForm surveyForm(LinkTokens tokens, SurveyInvitationRepository invitations, SurveyResponseRepository responses,
                          Questionnaire questionnaire, SurveyRules rules) {
        return new SurveyForm(tokens, invitations, responses, questionnaire, rules);
    }

    @Singleton
    SurveyReporting surveyReporting(SurveyInvitationRepository invitations, SurveyResponseRepository responses,
                                    Questionnaire questionnaire, SurveyRules rules) {
        return new SurveyReporting(invitations, responses, questionnaire, rules);
    }
}
