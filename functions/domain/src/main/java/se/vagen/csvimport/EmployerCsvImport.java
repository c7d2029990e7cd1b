package se.vagen.csvimport;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import se.vagen.employer.EmployerContact;
import se.vagen.employer.EmployerDraft;
import se.vagen.employer.EmployerParser;
import se.vagen.employer.EmployerService;
import se.vagen.validation.Errors;
import se.vagen.validation.FieldError;
import se.vagen.validation.ValidationException;

/**
 * Imports employers from CSV: one row per contact person, so several rows with one organisationsnummer are
 * one employer with several contacts. Rows are checked by {@link EmployerParser} (the API's rules) and
 * merged into what is stored: contacts are added or updated (by e-mail, else name), never removed.
 */
@Singleton
public class EmployerCsvImport {

    static final List<String> REQUIRED = List.of("orgNumber", "name", "industry", "lastContact");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EmployerService service;

    public EmployerCsvImport(EmployerService service) {
        this.service = service;
    }

    public ImportReport importFile(byte[] file, String actor) {
        CsvColumns columns = CsvColumns.EMPLOYERS;
        CsvTable table = CsvTable.read(file, columns);
        table.requireColumns(columns, REQUIRED);
        List<ImportReport.RowResult> results = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            EmployerDraft draft;
            try {
                draft = EmployerParser.parse(toJson(row), service.today());
            } catch (ValidationException e) {
                results.add(error(row.number(), renamed(e.errors(), table, columns)));
                continue;
            }
            Group group = groups.get(draft.orgNumber());
            if (group == null) {
                groups.put(draft.orgNumber(), new Group(row.number(), draft));
                continue;
            }
            List<String> conflicts = new ArrayList<>();
            if (!group.first.name().equals(draft.name())) {
                conflicts.add(table.header("name", columns));
            }
            if (!group.first.industry().equals(draft.industry())) {
                conflicts.add(table.header("industry", columns));
            }
            if (draft.sizeBand() != null && !Objects.equals(group.first.sizeBand(), draft.sizeBand())) {
                conflicts.add(table.header("sizeBand", columns));
            }
            if (!conflicts.isEmpty()) {
                Errors errors = new Errors();
                errors.add(table.header("orgNumber", columns), "csv.conflict", "organisationsnummer",
                        String.valueOf(group.firstRow), String.join(", ", conflicts));
                results.add(error(row.number(), errors.list()));
                continue;
            }
            group.add(row.number(), draft);
        }
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            Group group = entry.getValue();
            EmployerService.Outcome outcome = service.importDraft(group.merged(), actor);
            String status = switch (outcome) {
                case CREATED -> ImportReport.RowResult.CREATED;
                case UPDATED -> ImportReport.RowResult.UPDATED;
                case UNCHANGED -> ImportReport.RowResult.UNCHANGED;
            };
            for (int row : group.rows) {
                results.add(new ImportReport.RowResult(row, status, entry.getKey(), List.of()));
            }
        }
        return ImportReport.of(results, table.ignoredColumns());
    }

    static ObjectNode toJson(CsvTable.Row row) {
        ObjectNode root = JSON.objectNode();
        for (String field : List.of("orgNumber", "name", "industry", "sizeBand", "lastContact")) {
            if (row.has(field)) {
                root.put(field, row.get(field));
            }
        }
        if (row.has("contact.name") || row.has("contact.email") || row.has("contact.phone") || row.has("contact.role")) {
            ObjectNode contact = root.putArray("contacts").addObject();
            for (String part : List.of("name", "email", "phone", "role")) {
                if (row.has("contact." + part)) {
                    contact.put(part, row.get("contact." + part));
                }
            }
        }
        return root;
    }

    static List<FieldError> renamed(List<FieldError> errors, CsvTable table, CsvColumns columns) {
        List<FieldError> out = new ArrayList<>();
        for (FieldError e : errors) {
            String field = e.field().replaceFirst("^contacts\\[\\d+\\]", "contact");
            out.add(new FieldError(table.header(field, columns), e.code(), e.message()));
        }
        return out;
    }

    private static ImportReport.RowResult error(int row, List<FieldError> errors) {
        return new ImportReport.RowResult(row, ImportReport.RowResult.ERROR, null, errors);
    }

    /** The rows of one employer: the first row's details, the latest contact day, every row's contact. */
    private static final class Group {
        final int firstRow;
        final EmployerDraft first;
        final List<Integer> rows = new ArrayList<>();
        final List<EmployerContact> contacts = new ArrayList<>();
        java.time.LocalDate lastContact;
        String sizeBand;

        Group(int row, EmployerDraft draft) {
            this.firstRow = row;
            this.first = draft;
            add(row, draft);
        }

        void add(int row, EmployerDraft draft) {
            rows.add(row);
            if (lastContact == null || draft.lastContact().isAfter(lastContact)) {
                lastContact = draft.lastContact();
            }
            if (sizeBand == null) {
                sizeBand = draft.sizeBand();
            }
            for (EmployerContact contact : draft.contacts()) {
                contacts.removeIf(c -> c.samePersonAs(contact));
                contacts.add(contact);
            }
        }

        EmployerDraft merged() {
            return new EmployerDraft(first.orgNumber(), first.name(), first.industry(), sizeBand, lastContact, contacts);
        }
    }
}
