package se.vagen.staffapi;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.audit.AuditEntry;
import se.vagen.audit.AuditTrail;
import se.vagen.staff.StaffIdentity;
import se.vagen.survey.SurveyCampaign;
import se.vagen.survey.SurveyReporting;
import se.vagen.survey.SurveyResults;
import se.vagen.survey.SurveyResultsCsv;

/**
 * The employer survey for staff: results as JSON and CSV, the one-page printable report, and (admin group only)
 * starting this year's campaign now. Results are aggregates of anonymous responses (docs/survey.md).
 */
@Controller("/staff/surveys")
public class SurveyResultsController {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyResultsController.class);
    /** How long the campaign route may spend sending before it answers. */
    static final Duration SEND_FOR = Duration.ofSeconds(20);

    private final SurveyReporting reporting;
    /** Only the campaign route needs it (and SES): resolved there, so the results routes never depend on it. */
    private final BeanProvider<SurveyCampaign> campaign;
    private final AuditTrail audit;
    private final Clock clock;

    public SurveyResultsController(SurveyReporting reporting, BeanProvider<SurveyCampaign> campaign, AuditTrail audit, Clock clock) {
        this.reporting = reporting;
        this.campaign = campaign;
        this.audit = audit;
        this.clock = clock;
    }

    @Get(value = "/{year}/results", produces = MediaType.APPLICATION_JSON)
    public MutableHttpResponse<?> results(@PathVariable String year) {
        if (!validYear(year)) {
            return badYear();
        }
        return HttpResponse.ok(toJson(reporting.results(year))).header("Cache-Control", "no-store");
    }

    @Get(value = "/{year}/results.csv", produces = "text/csv")
    public MutableHttpResponse<?> csv(@PathVariable String year) {
        if (!validYear(year)) {
            return badYear();
        }
        return HttpResponse.ok(SurveyResultsCsv.render(reporting.results(year)))
                .contentType("text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"arbetsgivarenkat-" + year + ".csv\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    @Get(value = "/{year}/report", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<?> report(@PathVariable String year) {
        if (!validYear(year)) {
            return badYear();
        }
        SurveyReportPage page = new SurveyReportPage(reporting.questionnaire());
        return HttpResponse.ok(page.render(reporting.results(year)))
                .contentType("text/html;charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src '" + page.styleHash()
                        + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    /** Starts this year's campaign now (admin group). Runs the same code as the scheduled job; safe to repeat. */
    @Post(value = "/{year}/campaign", produces = MediaType.APPLICATION_JSON)
    public MutableHttpResponse<?> startCampaign(@PathVariable String year, HttpRequest<?> request) {
        StaffIdentity caller = StaffCaller.admin(request, "Att starta enkäten");
        if (!validYear(year)) {
            return badYear();
        }
        Instant now = clock.instant();
        String current = SurveyCampaign.yearOf(now);
        if (!current.equals(year)) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("error", "wrong-year",
                    "message", "Only this year's campaign (" + current + ") can be started."));
        }
        // The HTTP API answers within 30 s: send for at most 20 s, then answer complete = false; pressing the
        // button again continues (nothing is sent twice).
        long stopAt = System.nanoTime() + SEND_FOR.toNanos();
        SurveyCampaign.Summary summary = campaign.get().run("campaign", now,
                () -> SurveyCampaign.STOP_WITH_MILLIS_LEFT + (stopAt - System.nanoTime()) / 1_000_000);
        audit.record(new AuditEntry("survey#" + year, caller.user(), "survey.campaign.start", now,
                "invited=" + summary.invited() + " failed=" + summary.failed() + " complete=" + summary.complete()));
        LOG.info("survey campaign started by staff year={} invited={}", year, summary.invited());
        return HttpResponse.ok(summary.toMap());
    }

    static boolean validYear(String year) {
        return year != null && year.matches("20[0-9]{2}");
    }

    private static MutableHttpResponse<?> badYear() {
        return HttpResponse.badRequest(Map.of("error", "bad-year", "message", "The year must look like 2026."))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The JSON shape of GET /staff/surveys/{year}/results (camelCase; fractions 0-1; indexes 0-100). */
    static Map<String, Object> toJson(SurveyResults r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("year", r.year());
        json.put("invited", r.invited());
        json.put("answered", r.answered());
        json.put("responseRate", r.responseRate());
        json.put("nki", r.nki());
        json.put("shareSatisfied", r.shareSatisfied());
        json.put("satisfiedThreshold", r.satisfiedThreshold());
        json.put("wouldRecommend", r.wouldRecommendShare());
        Map<String, Object> factors = new LinkedHashMap<>();
        for (SurveyResults.FactorResult f : r.factors()) {
            Map<String, Object> factor = new LinkedHashMap<>();
            factor.put("n", f.n());
            factor.put("dontKnow", f.dontKnow());
            factor.put("mean", f.mean());
            factor.put("index", f.index());
            factors.put(f.code(), factor);
        }
        json.put("factors", factors);
        Map<String, Object> breakdowns = new LinkedHashMap<>();
        for (SurveyResults.Breakdown b : r.breakdowns()) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (SurveyResults.GroupResult g : b.groups()) {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("group", g.group());
                group.put("n", g.n());
                group.put("nki", g.nki());
                group.put("shareSatisfied", g.shareSatisfied());
                groups.add(group);
            }
            Map<String, Object> breakdown = new LinkedHashMap<>();
            breakdown.put("groups", groups);
            breakdown.put("suppressed", b.suppressed());
            breakdowns.put(b.dimension(), breakdown);
        }
        json.put("breakdowns", breakdowns);
        List<Map<String, Object>> comments = new ArrayList<>();
        for (SurveyResults.Comment c : r.comments()) {
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("text", c.text());
            comment.put("group", c.group());
            comments.add(comment);
        }
        json.put("comments", comments);
        return json;
    }
}
