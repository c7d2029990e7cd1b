package se.vagen.forumlist;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import se.vagen.aws.LazyBeans;
import se.vagen.aws.ScheduledRun;
import se.vagen.forum.ForumListRun;
import se.vagen.forum.ForumListSummary;
import se.vagen.forum.ForumWeek;

/**
 * The weekly forum-list run (EventBridge Scheduler, Monday 06:00 Europe/Stockholm). The week is the ISO week
 * the run's instant falls in, in Stockholm time, so the Monday morning run makes that week's list. A retried
 * or repeated run simply replaces the week's files and summary.
 */
public class ForumListFunction extends MicronautRequestHandler<ScheduledRun, Map<String, Object>> {

    public ForumListFunction() {
        super();
    }

    public ForumListFunction(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyBeans.lazy(super.newApplicationContextBuilder());
    }

    @Override
    public Map<String, Object> execute(ScheduledRun input) {
        ApplicationContext context = getApplicationContext();
        Instant now = context.getBean(Clock.class).instant();
        Instant asOf = input == null ? now : input.asOf(now);
        ForumWeek week = ForumWeek.of(asOf);
        try {
            ForumListSummary s = context.getBean(ForumListRun.class).generate(week, ForumListSummary.SCHEDULE, now);
            return summary(s);
        } catch (IOException e) {
            throw new UncheckedIOException("The forum list for " + week + " could not be written", e);
        }
    }

    static Map<String, Object> summary(ForumListSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("job", "forum-list");
        out.put("week", s.week());
        out.put("generatedAt", s.generatedAt().toString());
        out.put("generatedBy", s.generatedBy());
        out.put("total", s.total());
        out.put("counts", s.countsByStatus());
        out.put("countsByRole", s.countsByRole());
        out.put("csvKey", s.csvKey());
        out.put("xlsxKey", s.xlsxKey());
        out.put("rowsKey", s.rowsKey());
        out.put("historyQueries", s.historyQueries());
        out.put("summariesStored", s.summariesStored());
        return out;
    }
}
