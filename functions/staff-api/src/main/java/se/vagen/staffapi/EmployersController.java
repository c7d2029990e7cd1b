package se.vagen.staffapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.audit.AuditTrail;
import se.vagen.common.Page;
import se.vagen.csvimport.EmployerCsvImport;
import se.vagen.csvimport.ImportReport;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerDraft;
import se.vagen.employer.EmployerParser;
import se.vagen.employer.EmployerRepository;
import se.vagen.employer.EmployerService;
import se.vagen.employer.OrgNumbers;
import se.vagen.staff.StaffIdentity;
import se.vagen.validation.FieldError;
import se.vagen.validation.JsonInput;
import se.vagen.validation.Messages;
import se.vagen.validation.ValidationException;

/** Employers: create, read, replace, list by latest contact, CSV import, audit trail. */
@Controller("/staff/employers")
public class EmployersController {

    private static final Logger LOG = LoggerFactory.getLogger(EmployersController.class);

    private final EmployerService service;
    private final EmployerRepository employers;
    private final AuditTrail audit;
    private final EmployerCsvImport importer;

    public EmployersController(EmployerService service, EmployerRepository employers, AuditTrail audit,
            EmployerCsvImport importer) {
        this.service = service;
        this.employers = employers;
        this.audit = audit;
        this.importer = importer;
    }

    /** Employers contacted on or after {@code since} (default: a year ago), oldest contact first. */
    @Get("{?since,limit,cursor}")
    public Views.EmployerPage list(@Nullable @QueryValue String since, @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor) {
        int max = Paging.limit(limit);
        LocalDate from;
        try {
            from = since == null || since.isBlank() ? service.today().minusYears(1) : LocalDate.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(new FieldError("since", "date.invalid", Messages.text("date.invalid"))));
        }
        Page<Employer> page = employers.contactedSince(from, max, cursor);
        return new Views.EmployerPage(page.items().stream().map(Views.EmployerView::of).toList(), page.nextCursor());
    }

    @Post
    @Consumes(MediaType.ALL)
    public HttpResponse<Views.Created> create(HttpRequest<byte[]> request) {
        StaffIdentity caller = StaffCaller.of(request);
        EmployerDraft draft = EmployerParser.parse(JsonInput.parse(Bodies.limited(request.getBody().orElse(null))), service.today());
        Employer employer = service.create(draft, caller.user());
        LOG.info("Employer {} created by staff", employer.orgNumber());
        return HttpResponse.created(new Views.Created(employer.orgNumber()),
                URI.create("/staff/employers/" + employer.orgNumber()));
    }

    @Get("/{orgNumber}")
    public Views.EmployerView get(HttpRequest<?> request, @PathVariable String orgNumber) {
        StaffCaller.of(request);
        String key = OrgNumbers.normalise(orgNumber).orElseThrow(() -> unknown(orgNumber));
        return service.find(key).map(Views.EmployerView::of).orElseThrow(() -> unknown(orgNumber));
    }

    /** Replaces the employer's data, contacts included; the organisationsnummer in the body must match. */
    @Put("/{orgNumber}")
    @Consumes(MediaType.ALL)
    public Views.EmployerView replace(HttpRequest<byte[]> request, @PathVariable String orgNumber) {
        StaffIdentity caller = StaffCaller.of(request);
        byte[] bytes = Bodies.limited(request.getBody().orElse(null));
        String key = OrgNumbers.normalise(orgNumber).orElseThrow(() -> unknown(orgNumber));
        if (service.find(key).isEmpty()) {
            throw unknown(orgNumber);
        }
        EmployerDraft draft = EmployerParser.parse(JsonInput.parse(bytes), service.today());
        if (!draft.orgNumber().equals(key)) {
            throw new ValidationException(List.of(new FieldError("orgNumber", "orgnr.mismatch",
                    Messages.text("orgnr.mismatch"))));
        }
        return service.replace(key, draft, caller.user()).map(Views.EmployerView::of)
                .orElseThrow(() -> unknown(orgNumber));
    }

    /** CSV import (admin only): one row per contact person. */
    @Post("/import")
    @Consumes(MediaType.ALL)
    public Views.ImportView importCsv(HttpRequest<byte[]> request) {
        StaffIdentity caller = StaffCaller.admin(request, "Import");
        ImportReport report = importer.importFile(Bodies.limited(request.getBody().orElse(null)), caller.user());
        LOG.info("Employer import: {} created, {} updated, {} unchanged, {} failed", report.created(),
                report.updated(), report.unchanged(), report.failed());
        return Views.ImportView.of(report);
    }

    @Get("/{orgNumber}/audit")
    public Views.AuditPage auditTrail(HttpRequest<?> request, @PathVariable String orgNumber) {
        StaffCaller.of(request);
        String key = OrgNumbers.normalise(orgNumber).orElseThrow(() -> unknown(orgNumber));
        String recordKey = EmployerService.recordKey(key);
        List<Views.AuditView> items = audit.entriesFor(recordKey).stream().map(Views.AuditView::of).toList();
        if (items.isEmpty() && employers.find(key).isEmpty()) {
            throw unknown(orgNumber);
        }
        return new Views.AuditPage(recordKey, items);
    }

    private static ApiProblem unknown(String orgNumber) {
        return ApiProblem.notFound("Ingen arbetsgivare med organisationsnummer " + orgNumber + ".");
    }
}
