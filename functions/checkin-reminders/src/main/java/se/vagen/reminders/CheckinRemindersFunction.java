package se.vagen.reminders;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import se.vagen.aws.LazyBeans;
import se.vagen.aws.ScheduledRun;
import se.vagen.checkin.ReminderRun;
import se.vagen.checkin.TimeBudget;

/**
 * Lambda handler of the check-in reminder run (EventBridge Scheduler, Europe/Stockholm; locally
 * POST /dev/jobs/checkin-reminders/run). Returns the run's summary.
 *
 * <p>Time budget: {@code MicronautRequestHandler.handleRequest} is final; before it calls {@link #execute} it registers
 * the invocation's Lambda {@link Context} as a singleton bean (LambdaContextFactory). The run reads
 * {@code getRemainingTimeInMillis()} from that bean; without one (local runs) the budget is unlimited.
 */
public class CheckinRemindersFunction extends MicronautRequestHandler<ScheduledRun, Map<String, Object>> {

    public CheckinRemindersFunction() {
        super();
    }

    public CheckinRemindersFunction(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyBeans.lazy(super.newApplicationContextBuilder());
    }

    @Override
    public Map<String, Object> execute(ScheduledRun input) {
        ApplicationContext context = getApplicationContext();
        Clock clock = context.getBean(Clock.class);
        ScheduledRun run = input == null ? new ScheduledRun(null) : input;
        Optional<Context> lambda = context.findBean(Context.class);
        TimeBudget budget = lambda.<TimeBudget>map(l -> l::getRemainingTimeInMillis).orElse(TimeBudget.unlimited());
        return context.getBean(ReminderRun.class).run(run.asOf(clock.instant()), budget).toMap();
    }
}
