package se.vagen.csvimport;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantDraft;
import se.vagen.aspirant.AspirantParser;
import se.vagen.aspirant.AspirantService;
import se.vagen.aspirant.PhoneTakenException;
import se.vagen.aspirant.PlanPause;
import se.vagen.validation.EmailAddresses;
import se.vagen.validation.Errors;
import se.vagen.validation.FieldError;
import se.vagen.validation.ValidationException;

/**
 * Imports aspirants from CSV. Each row is turned into the JSON form and checked by {@link AspirantParser}
 * (the same rules as the API), with errors named by the file's own column headers. Rows are matched to
 * stored aspirants on phone number, else e-mail; several rows of one person (same phone, else e-mail)
 * give one aspirant with several activities. Pauses are not in the file: an update keeps the stored pauses
 * that fit the new plan period; the profile is kept unless the file has profile columns.
 */
@Singleton
public class AspirantCsvImport {

    static final List<String> REQUIRED = List.of("name", "language", "channel", "contactRoleOwner", "plan.start",
            "plan.end");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AspirantService service;

    public AspirantCsvImport(AspirantService service) {
        this.service = service;
    }

    public ImportReport importFile(byte[] file, String actor) {
        CsvColumns columns = CsvColumns.ASPIRANTS;
        CsvTable table = CsvTable.read(file, columns);
        table.requireColumns(columns, REQUIRED);
        if (!table.hasColumn("phone") && !table.hasColumn("email")) {
            throw new CsvFormatException("Kolumner saknas: telefon eller e-post (minst en av dem).");
        }
        boolean profileColumns = columns.all().keySet().stream()
                .anyMatch(f -> f.startsWith("profile.") && table.hasColumn(f));

        List<ImportReport.RowResult> results = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            AspirantDraft draft;
            try {
                draft = AspirantParser.parse(toJson(row), service.today());
            } catch (ValidationException e) {
                results.add(error(row.number(), renamed(e.errors(), table, columns)));
                continue;
            }
            String key = draft.phone() != null ? "phone:" + draft.phone() : "email:" + EmailAddresses.key(draft.email());
            Group group = groups.get(key);
            if (group == null) {
                groups.put(key, new Group(row.number(), draft));
                continue;
            }
            List<String> conflicts = conflicts(group.first, draft, table, columns);
            if (!conflicts.isEmpty()) {
                Errors errors = new Errors();
                errors.add(table.header(draft.phone() != null ? "phone" : "email", columns), "csv.conflict",
                        draft.phone() != null ? "telefonnummer" : "e-postadress", String.valueOf(group.firstRow),
                        String.join(", ", conflicts));
                results.add(error(row.number(), errors.list()));
                continue;
            }
            group.add(row.number(), draft);
        }

        for (Group group : groups.values()) {
            AspirantDraft draft = group.merged();
            Optional<Aspirant> byPhone = service.byPhone(draft.phone());
            Optional<Aspirant> byEmail = service.byEmail(draft.email());
            if (byPhone.isPresent() && byEmail.isPresent() && !byPhone.get().id().equals(byEmail.get().id())) {
                Errors errors = new Errors();
                errors.add(table.header("email", columns), "csv.ambiguous", byPhone.get().id(), byEmail.get().id());
                for (int row : group.rows) {
                    results.add(error(row, errors.list()));
                }
                continue;
            }
            Optional<Aspirant> existing = byPhone.isPresent() ? byPhone : byEmail;
            if (existing.isPresent()) {
                draft = keepStored(draft, existing.get(), profileColumns);
            }
            try {
                AspirantService.Upserted done = service.upsert(draft, existing, actor);
                String status = switch (done.outcome()) {
                    case CREATED -> ImportReport.RowResult.CREATED;
                    case UPDATED -> ImportReport.RowResult.UPDATED;
                    case UNCHANGED -> ImportReport.RowResult.UNCHANGED;
                };
                for (int row : group.rows) {
                    results.add(new ImportReport.RowResult(row, status, done.id(), List.of()));
                }
            } catch (PhoneTakenException e) {
                Errors errors = new Errors();
                errors.add(table.header("phone", columns), "phone.taken", e.holderId());
                for (int row : group.rows) {
                    results.add(error(row, errors.list()));
                }
            }
        }
        return ImportReport.of(results, table.ignoredColumns());
    }

    /** The row in the JSON form of the API, so one parser checks both. */
    static ObjectNode toJson(CsvTable.Row row) {
        ObjectNode root = JSON.objectNode();
        for (String field : List.of("name", "phone", "email", "language", "channel", "contactRoleOwner",
                "checkInCadence")) {
            if (row.has(field)) {
                root.put(field, row.get(field));
            }
        }
        ObjectNode plan = root.putObject("plan");
        putIfPresent(plan, "start", row.get("plan.start"));
        putIfPresent(plan, "end", row.get("plan.end"));
        if (row.has("activity.type") || row.has("activity.hoursPerWeek") || row.has("activity.provider")
                || row.has("activity.start") || row.has("activity.end")) {
            ObjectNode activity = plan.putArray("activities").addObject();
            putIfPresent(activity, "type", row.get("activity.type"));
            putNumber(activity, "hoursPerWeek", row.get("activity.hoursPerWeek"));
            putIfPresent(activity, "provider", row.get("activity.provider"));
            putIfPresent(activity, "start", row.get("activity.start"));
            putIfPresent(activity, "end", row.get("activity.end"));
        }
        if (row.values().keySet().stream().anyMatch(f -> f.startsWith("profile."))) {
            ObjectNode profile = root.putObject("profile");
            putIfPresent(profile, "gender", row.get("profile.gender"));
            putNumber(profile, "birthYear", row.get("profile.birthYear"));
            putIfPresent(profile, "educationLevel", row.get("profile.educationLevel"));
            putIfPresent(profile, "previousOccupation", row.get("profile.previousOccupation"));
        }
        return root;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** Numbers as Excel in Sweden writes them ("7,5", "15", "1 980"); anything else stays text (a type error). */
    static void putNumber(ObjectNode node, String name, String value) {
        if (value == null) {
            return;
        }
        String compact = value.replace("\u00A0", "").replace(" ", "");
        if (compact.matches("-?\\d+([.,]\\d+)?")) {
            node.put(name, new java.math.BigDecimal(compact.replace(',', '.')));
        } else {
            node.put(name, value);
        }
    }

    /** Field errors renamed to the file's column headers ("plan.activities[0].hoursPerWeek" -> "timmar"). */
    static List<FieldError> renamed(List<FieldError> errors, CsvTable table, CsvColumns columns) {
        List<FieldError> out = new ArrayList<>();
        for (FieldError e : errors) {
            String field = e.field().replaceFirst("^plan\\.activities\\[\\d+\\]", "activity");
            if (field.equals("plan")) {
                field = "plan.start";
            }
            out.add(new FieldError(table.header(field, columns), e.code(), e.message()));
        }
        return out;
    }

    private static List<String> conflicts(AspirantDraft a, AspirantDraft b, CsvTable table, CsvColumns columns) {
        List<String> fields = new ArrayList<>();
        if (!a.name().equals(b.name())) {
            fields.add(table.header("name", columns));
        }
        if (!java.util.Objects.equals(a.email(), b.email()) && b.email() != null) {
            fields.add(table.header("email", columns));
        }
        if (a.language() != b.language()) {
            fields.add(table.header("language", columns));
        }
        if (a.channel() != b.channel()) {
            fields.add(table.header("channel", columns));
        }
        if (!a.ownerRole().equals(b.ownerRole())) {
            fields.add(table.header("contactRoleOwner", columns));
        }
        if (a.cadence() != b.cadence()) {
            fields.add(table.header("checkInCadence", columns));
        }
        if (!a.plan().start().equals(b.plan().start())) {
            fields.add(table.header("plan.start", columns));
        }
        if (!a.plan().end().equals(b.plan().end())) {
            fields.add(table.header("plan.end", columns));
        }
        return fields;
    }

    /** Keeps what the file cannot carry: stored pauses that fit the new period, and the profile. */
    private static AspirantDraft keepStored(AspirantDraft draft, Aspirant stored, boolean profileColumns) {
        List<PlanPause> pauses = stored.plan() == null ? List.of()
                : stored.plan().pauses().stream()
                        .filter(p -> !p.start().isBefore(draft.plan().start()) && !p.end().isAfter(draft.plan().end()))
                        .toList();
        ActivityPlan plan = new ActivityPlan(draft.plan().start(), draft.plan().end(), draft.plan().activities(), pauses);
        return new AspirantDraft(draft.name(), draft.phone(), draft.email(), draft.language(), draft.channel(),
                draft.ownerRole(), draft.cadence(), plan, profileColumns ? draft.profile() : stored.profile());
    }

    private static ImportReport.RowResult error(int row, List<FieldError> errors) {
        return new ImportReport.RowResult(row, ImportReport.RowResult.ERROR, null, errors);
    }

    /** The rows of one person: the first row's details and every row's activity. */
    private static final class Group {
        final int firstRow;
        final AspirantDraft first;
        final List<Integer> rows = new ArrayList<>();
        final List<Activity> activities = new ArrayList<>();

        Group(int row, AspirantDraft draft) {
            this.firstRow = row;
            this.first = draft;
            add(row, draft);
        }

        void add(int row, AspirantDraft draft) {
            rows.add(row);
            for (Activity activity : draft.plan().activities()) {
                if (!activities.contains(activity)) {
                    activities.add(activity);
                }
            }
        }

        AspirantDraft merged() {
            ActivityPlan plan = new ActivityPlan(first.plan().start(), first.plan().end(), activities, List.of());
            return new AspirantDraft(first.name(), first.phone(), first.email(), first.language(), first.channel(),
                    first.ownerRole(), first.cadence(), plan, first.profile());
        }
    }
}
