package se.vagen.surveylinks;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.BeanProvider;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import se.vagen.aws.LazyBeans;
import se.vagen.aws.ScheduledRun;
import se.vagen.checkin.TimeBudget;
import se.vagen.survey.SurveyCampaign;

/**
 * The survey-links job: {@code action} "campaign" (invite every employer contact with recent contact once),
 * "reminders" (remind non-respondents on working days) or null for both. The year is the run instant's year in
 * Europe/Stockholm. Returns {year, invited, reminded, skipped{reason: n}, failed, complete}; a run that runs low
 * on Lambda time stops early with complete = false, and running it again continues (nothing is sent twice).
 */
public class SurveyLinksFunction extends MicronautRequestHandler<ScheduledRun, Map<String, Object>> {

    /** Resolved on first run, so a missing collaborator fails the run, not the start (and start stays cheap). */
    @Inject
    BeanProvider<SurveyCampaign> campaign;

    @Inject
    Clock clock;

    public SurveyLinksFunction() {
        super();
    }

    public SurveyLinksFunction(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyBeans.lazy(super.newApplicationContextBuilder());
    }

    @Override
    public Map<String, Object> execute(ScheduledRun input) {
        ScheduledRun run = input == null ? new ScheduledRun(null, null) : input;
        Instant asOf = run.asOf(clock.instant());
        Optional<Context> lambda = getApplicationContext().findBean(Context.class);
        TimeBudget budget = lambda.<TimeBudget>map(l -> l::getRemainingTimeInMillis).orElse(TimeBudget.unlimited());
        return campaign.get().run(run.action(), asOf, budget).toMap();
    }
}
