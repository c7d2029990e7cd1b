package se.vagen.staffapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Provider;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantDraft;
import se.vagen.aspirant.AspirantParser;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.AspirantService;
import se.vagen.audit.AuditEntry;
import se.vagen.audit.AuditTrail;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.common.Page;
import se.vagen.csvimport.AspirantCsvImport;
import se.vagen.csvimport.ImportReport;
import se.vagen.forum.ForumListErasure;
import se.vagen.staff.StaffIdentity;
import se.vagen.validation.JsonInput;
import se.vagen.validation.PhoneNumbers;

/** Aspirants: list and search, create, read, update, CSV import, audit trail. */
@Controller("/staff/aspirants")
public class AspirantsController {

    private static final Logger LOG = LoggerFactory.getLogger(AspirantsController.class);
    /** Check-ins shown with an aspirant: about a term of weekly cycles. */
    static final int HISTORY = 26;

    private final AspirantService service;
    private final AspirantRepository aspirants;
    private final CheckInRepository checkIns;
    private final AuditTrail audit;
    private final AspirantCsvImport importer;
    private final java.time.Clock clock;
    /** Only erasure needs the list files (and so the S3 client): built on first use, not with the controller. */
    private final Provider<ForumListErasure> listErasure;

    public AspirantsController(AspirantService service, AspirantRepository aspirants, CheckInRepository checkIns,
            AuditTrail audit, AspirantCsvImport importer, java.time.Clock clock,
            Provider<ForumListErasure> listErasure) {
        this.clock = clock;
        this.listErasure = listErasure;
        this.service = service;
        this.aspirants = aspirants;
        this.checkIns = checkIns;
        this.audit = audit;
        this.importer = importer;
    }

    /** A phone-looking {@code q} is looked up by number; any other {@code q} is a name prefix. */
    @Get("{?q,limit,cursor}")
    public Views.AspirantPage list(@Nullable @QueryValue String q, @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor) {
        int max = Paging.limit(limit);
        LocalDate today = service.today();
        if (q != null && PhoneNumbers.looksLikePhone(q)) {
            Optional<String> e164 = PhoneNumbers.normalise(q);
            List<Views.AspirantSummary> hits = e164.flatMap(aspirants::findByPhone)
                    .map(a -> List.of(Views.AspirantSummary.of(a, today))).orElse(List.of());
            return new Views.AspirantPage(hits, null);
        }
        Page<Aspirant> page = aspirants.listByName(q == null ? "" : q, max, cursor);
        return new Views.AspirantPage(page.items().stream().map(a -> Views.AspirantSummary.of(a, today)).toList(),
                page.nextCursor());
    }

    @Post
    @Consumes(MediaType.ALL)
    public HttpResponse<Views.Created> create(HttpRequest<byte[]> request) {
        StaffIdentity caller = StaffCaller.of(request);
        AspirantDraft draft = AspirantParser.parse(JsonInput.parse(Bodies.limited(request.getBody().orElse(null))), service.today());
        String id = service.create(draft, caller.user());
        LOG.info("Aspirant {} created by staff", id);
        return HttpResponse.created(new Views.Created(id), URI.create("/staff/aspirants/" + id));
    }

    @Get("/{id}")
    public Views.AspirantView get(HttpRequest<?> request, @PathVariable String id) {
        StaffIdentity caller = StaffCaller.of(request);
        Aspirant aspirant = service.find(id).orElseThrow(() -> unknown(id));
        service.recordView(id, caller.user());
        return Views.AspirantView.of(aspirant, service.today(), checkIns.history(id, HISTORY));
    }

    @Put("/{id}")
    @Consumes(MediaType.ALL)
    public Views.AspirantView update(HttpRequest<byte[]> request, @PathVariable String id) {
        StaffIdentity caller = StaffCaller.of(request);
        byte[] bytes = Bodies.limited(request.getBody().orElse(null));
        if (service.find(id).isEmpty()) {
            throw unknown(id);
        }
        AspirantDraft draft = AspirantParser.parse(JsonInput.parse(bytes), service.today());
        Aspirant updated = service.update(id, draft, caller.user()).orElseThrow(() -> unknown(id));
        return Views.AspirantView.of(updated, service.today(), checkIns.history(id, HISTORY));
    }

    /** CSV import (admin only); see docs/staff-records.md for the columns. */
    @Post("/import")
    @Consumes(MediaType.ALL)
    public Views.ImportView importCsv(HttpRequest<byte[]> request) {
        StaffIdentity caller = StaffCaller.admin(request, "Import");
        ImportReport report = importer.importFile(Bodies.limited(request.getBody().orElse(null)), caller.user());
        LOG.info("Aspirant import: {} created, {} updated, {} unchanged, {} failed", report.created(),
                report.updated(), report.unchanged(), report.failed());
        return Views.ImportView.of(report);
    }

    /**
     * Erases one aspirant's personal data on request (GDPR art. 17), admin group only. The record stays as a
     * tombstone ({@code erased}, name replaced, no phone, e-mail or profile) so forum-list and audit counts stay
     * consistent; the phone claim is released by the save; free texts of the check-ins are removed (the coded
     * answers stay, they identify no one without the name). The weekly list files already made are rewritten
     * first with the tombstone's name; if that fails nothing is erased yet and the answer is 503 (try again).
     * The erasure is audited with actor and time only.
     */
    @Delete("/{id}")
    public HttpResponse<?> erase(HttpRequest<?> request, @PathVariable String id) {
        StaffIdentity caller = StaffCaller.admin(request, "Radering");
        Aspirant found = service.find(id).orElseThrow(() -> unknown(id));
        java.time.Instant now = clock.instant();
        List<String> weeks;
        try {
            weeks = listErasure.get().erase(id, ERASED_NAME);
        } catch (IOException e) {
            LOG.warn("Erasure of aspirant {} stopped: the weekly lists could not be rewritten ({})", id,
                    e.getClass().getSimpleName());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, ApiError.of("unavailable",
                    "Veckolistorna kunde inte skrivas om, så inget har raderats ännu. Försök igen om en stund."));
        }
        Aspirant tombstone = new Aspirant(found.id(), ERASED_NAME, null, null, found.language(), found.channel(),
                found.ownerRole(), found.cadence(), found.optedOut(), found.plan(), null, found.missedCheckIns(), true,
                found.createdAt(), now);
        aspirants.save(tombstone);
        int cleared = 0;
        for (CheckIn c : checkIns.history(id, 10_000)) {
            if (c.freeText() != null) {
                checkIns.save(new CheckIn(c.aspirantId(), c.cycle(), c.status(), c.channel(), c.viaForm(),
                        c.participation(), c.wellbeing(), c.helpNeeded(), null, c.openedAt(), c.answeredAt(),
                        c.remindersSent()));
                cleared++;
            }
        }
        audit.record(new AuditEntry(AspirantService.recordKey(id), caller.user(), "aspirant.erased", now,
                "personal data erased via API; " + cleared + " free texts removed; name taken out of "
                        + weeks.size() + " weekly lists"));
        LOG.info("Aspirant {} erased by staff ({} free texts removed, {} weekly lists rewritten)", id, cleared,
                weeks.size());
        return HttpResponse.noContent();
    }

    /** The name an erased aspirant's tombstone carries. */
    static final String ERASED_NAME = "(raderad)";

    @Get("/{id}/audit")
    public Views.AuditPage auditTrail(HttpRequest<?> request, @PathVariable String id) {
        StaffCaller.of(request);
        String key = AspirantService.recordKey(id);
        List<Views.AuditView> items = audit.entriesFor(key).stream().map(Views.AuditView::of).toList();
        if (items.isEmpty() && aspirants.findById(id).isEmpty()) {
            throw unknown(id);
        }
        return new Views.AuditPage(key, items);
    }

    private static ApiProblem unknown(String id) {
        return ApiProblem.notFound("Ingen aspirant med id " + id + ".");
    }
}
