package se.vagen.forum;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import se.vagen.checkin.HelpTopic;

/** The columns of the CSV and XLSX files (Swedish headings) and the text of each cell. */
public final class ForumColumns {

    public static final int NAME = 0;
    public static final int STATUS = 1;
    public static final int REASONS = 2;
    public static final int REASON_CODES = 3;
    public static final int ROLE = 4;
    public static final int LAST_CHECKIN = 5;
    public static final int LAST_ANSWERS = 6;
    public static final int MISSED = 7;
    public static final int PARTICIPATION = 8;
    public static final int PLAN_END = 9;
    public static final int ID = 10;

    private final ForumRules rules;

    public ForumColumns(ForumRules rules) {
        this.rules = rules;
    }

    public List<String> headings() {
        return List.of("Namn", "Status", "Skäl", "Skälkoder", "Föreslagen kontaktroll", "Senaste avstämning",
                "Senaste svar", "Missade avstämningar i rad",
                "Deltagande senaste " + rules.historyCycles() + " avstämningarna (%)", "Planen slutar", "Aspirant-id");
    }

    /** The status in Swedish, e.g. "Behöver kontakt". */
    public String status(ForumRow row) {
        return rules.label("status", row.status().name());
    }

    public String reasons(ForumRow row) {
        return row.reasons().stream().map(Reason::text).collect(Collectors.joining("; "));
    }

    public String reasonCodes(ForumRow row) {
        return row.reasons().stream().map(Reason::code).collect(Collectors.joining(", "));
    }

    public String lastAnswers(ForumRow row) {
        LastAnswers a = row.lastAnswers();
        if (a == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (a.participation() != null) {
            parts.add("deltog: " + rules.label("participation", a.participation().name()));
        }
        if (a.wellbeing() != null) {
            parts.add("mår: " + a.wellbeing() + " av 5");
        }
        if (!a.helpNeeded().isEmpty()) {
            parts.add("hjälp: " + a.helpNeeded().stream().map(HelpTopic::name)
                    .map(t -> rules.label("helpTopic", t)).collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }

    /** Every cell as text (the CSV), already neutralised against formula injection. */
    public List<String> cells(ForumRow row) {
        List<String> cells = new ArrayList<>(11);
        cells.add(row.name());
        cells.add(status(row));
        cells.add(reasons(row));
        cells.add(reasonCodes(row));
        cells.add(row.suggestedRole() == null ? "" : row.suggestedRole());
        cells.add(row.lastCheckIn() == null ? "" : row.lastCheckIn().toString());
        cells.add(lastAnswers(row));
        cells.add(Integer.toString(row.missedCheckIns()));
        cells.add(row.participationPercent() == null ? "" : row.participationPercent().toString());
        cells.add(row.planEnd() == null ? "" : row.planEnd().toString());
        cells.add(row.aspirantId());
        cells.replaceAll(CellSafety::neutralise);
        return cells;
    }
}
