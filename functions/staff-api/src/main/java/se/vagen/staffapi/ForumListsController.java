package se.vagen.staffapi;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.micronaut.context.BeanProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.audit.AuditEntry;
import se.vagen.audit.AuditTrail;
import se.vagen.forum.ForumListRepository;
import se.vagen.forum.ForumListRun;
import se.vagen.forum.ForumListSummary;
import se.vagen.forum.ForumRowsJson;
import se.vagen.forum.ForumWeek;
import se.vagen.forum.ListStore;
import se.vagen.staff.StaffIdentity;

/**
 * Weekly follow-up-forum lists. Viewing a list and every download link handed out are written to the audit
 * trail (record {@code forum#{week}}). Links are presigned GETs valid {@code vagen.forum.link-ttl} (default
 * 5 minutes). Generating runs the same {@link ForumListRun} as the scheduled forum-list function, in this
 * function (API Gateway's 30 s limit applies; the weekly schedule has 15 minutes).
 */
@Controller("/staff/forum-lists")
@Produces(MediaType.APPLICATION_JSON)
public class ForumListsController {

    private static final Logger LOG = LoggerFactory.getLogger(ForumListsController.class);

    // Providers: the router builds controllers at start; the SDK-backed beans are built on first use only.
    private final BeanProvider<ForumListRepository> listsProvider;
    private final BeanProvider<ListStore> storeProvider;
    private final BeanProvider<ForumListRun> runProvider;
    private final BeanProvider<AuditTrail> auditProvider;
    private final Clock clock;
    private final Duration linkTtl;

    public ForumListsController(BeanProvider<ForumListRepository> lists, BeanProvider<ListStore> store,
                                BeanProvider<ForumListRun> run, BeanProvider<AuditTrail> audit,
                                Clock clock, @Value("${vagen.forum.link-ttl:5m}") Duration linkTtl) {
        this.listsProvider = lists;
        this.storeProvider = store;
        this.runProvider = run;
        this.auditProvider = audit;
        this.clock = clock;
        this.linkTtl = linkTtl;
    }

    @Get
    public Map<String, Object> weeks() {
        List<Map<String, Object>> items = listsProvider.get().newestFirst(60).stream().map(ForumListsController::summary).toList();
        return Map.of("items", items);
    }

    @Get("/{week}")
    public HttpResponse<?> week(@PathVariable String week, HttpRequest<?> request) throws IOException {
        Optional<ForumWeek> parsed = ForumWeek.parse(week);
        if (parsed.isEmpty()) {
            return badWeek(week);
        }
        String w = parsed.get().toString();
        ForumListRepository lists = listsProvider.get();
        ListStore store = storeProvider.get();
        AuditTrail audit = auditProvider.get();
        Optional<ForumListSummary> found = lists.find(w);
        if (found.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "not_found", "There is no forum list for " + w + ".");
        }
        ForumListSummary s = found.get();
        List<Map<String, Object>> rows;
        Optional<InputStream> file = store.open(s.rowsKey());
        if (file.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "not_found", "The files of the list for " + w + " are missing.");
        }
        try (InputStream in = file.get()) {
            rows = ForumRowsJson.readMaps(in);
        }
        String user = user(request);
        Instant now = clock.instant();
        audit.record(new AuditEntry("forum#" + w, user, "FORUM_LIST_VIEWED", now, rows.size() + " rows"));
        String csvUrl = store.downloadLink(s.csvKey(), linkTtl, fileName(s.csvKey())).toString();
        audit.record(new AuditEntry("forum#" + w, user, "FORUM_LIST_LINK", now, "csv, valid " + linkTtl.toSeconds() + " s"));
        String xlsxUrl = store.downloadLink(s.xlsxKey(), linkTtl, fileName(s.xlsxKey())).toString();
        audit.record(new AuditEntry("forum#" + w, user, "FORUM_LIST_LINK", now, "xlsx, valid " + linkTtl.toSeconds() + " s"));
        Map<String, Object> body = summary(s);
        body.put("rows", rows);
        body.put("csvUrl", csvUrl);
        body.put("xlsxUrl", xlsxUrl);
        body.put("linksValidUntil", now.plus(linkTtl).toString());
        return HttpResponse.ok(body);
    }

    @Post("/{week}/generate")
    public HttpResponse<?> generate(@PathVariable String week, HttpRequest<?> request) {
        Optional<ForumWeek> parsed = ForumWeek.parse(week);
        if (parsed.isEmpty()) {
            return badWeek(week);
        }
        String user = user(request);
        Instant now = clock.instant();
        try {
            ForumListSummary s = runProvider.get().generate(parsed.get(), user, now);
            auditProvider.get().record(new AuditEntry("forum#" + s.week(), user, "FORUM_LIST_GENERATED", now, s.total() + " rows"));
            return HttpResponse.ok(summary(s));
        } catch (IOException e) {
            LOG.error("Generating the forum list for {} failed", parsed.get(), e);
            return error(HttpStatus.BAD_GATEWAY, "generate_failed", "The list could not be written; try again.");
        }
    }

    static Map<String, Object> summary(ForumListSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("week", s.week());
        m.put("generatedAt", s.generatedAt().toString());
        m.put("generatedBy", s.generatedBy());
        m.put("total", s.total());
        m.put("counts", s.countsByStatus());
        m.put("countsByRole", s.countsByRole());
        return m;
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static String user(HttpRequest<?> request) {
        return request.getAttribute(StaffAccessFilter.IDENTITY, StaffIdentity.class).map(StaffIdentity::user)
                .orElse("unknown");
    }

    private static HttpResponse<?> badWeek(String week) {
        return error(HttpStatus.BAD_REQUEST, "bad_week", "A week looks like 2026-W48.");
    }

    private static HttpResponse<?> error(HttpStatus status, String code, String message) {
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("error", code, "message", message));
    }
}
