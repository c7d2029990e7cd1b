package se.vagen.local.reliability;

import java.time.Duration;
import java.util.Map;
import se.vagen.aws.ScheduledRun;
import se.vagen.local.http.LocalLambdaContext;
import se.vagen.reminders.CheckinRemindersFunction;

/**
 * A check-in reminder run in a process of its own, as Lambda runs it: the handler built by its public no-arg
 * constructor (its own Micronaut context, configured from environment variables as template.yaml configures it in
 * AWS: VAGEN_TABLES_*, plus the local endpoints), invoked once with the scheduler's event and a 15-minute Lambda
 * context. Started by {@link ReminderRunsOwnStackTest}, which kills it halfway. Argument: the run's "as of" instant.
 * Prints {@code RESULT <summary>} if it lives to the end.
 */
public final class ReminderRunChild {

    private ReminderRunChild() {
    }

    public static void main(String[] args) {
        CheckinRemindersFunction handler = new CheckinRemindersFunction();
        System.out.println("STARTED");
        Map<String, Object> summary = handler.handleRequest(new ScheduledRun(args[0]),
                new LocalLambdaContext("checkin-reminders", Duration.ofMinutes(15)));
        System.out.println("RESULT " + summary);
        handler.close();
    }
}
