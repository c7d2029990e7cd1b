package se.vagen.forum;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;

/**
 * The rows file the staff API serves ({@code forum/{week}/rows.json}): a JSON array, one object per row in
 * list order, written as a stream. Field names are the API's (camelCase); dates are ISO dates.
 */
public final class ForumRowsJson implements AutoCloseable {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonGenerator json;
    private final ForumRules rules;

    public ForumRowsJson(OutputStream out, ForumRules rules) throws IOException {
        this.json = FACTORY.createGenerator(out);
        this.rules = rules;
        json.writeStartArray();
    }

    public void write(ForumRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField("aspirantId", row.aspirantId());
        json.writeStringField("name", row.name());
        json.writeStringField("status", row.status().name());
        json.writeStringField("statusText", rules.label("status", row.status().name()));
        json.writeArrayFieldStart("reasons");
        for (Reason reason : row.reasons()) {
            json.writeStartObject();
            json.writeStringField("code", reason.code());
            json.writeStringField("text", reason.text());
            json.writeStringField("role", reason.role());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("suggestedRole", row.suggestedRole());
        json.writeStringField("lastCheckIn", row.lastCheckIn() == null ? null : row.lastCheckIn().toString());
        if (row.lastAnswers() == null) {
            json.writeNullField("lastAnswers");
        } else {
            json.writeObjectFieldStart("lastAnswers");
            LastAnswers a = row.lastAnswers();
            json.writeStringField("participation", a.participation() == null ? null : a.participation().name());
            if (a.wellbeing() == null) {
                json.writeNullField("wellbeing");
            } else {
                json.writeNumberField("wellbeing", a.wellbeing());
            }
            json.writeArrayFieldStart("helpNeeded");
            for (HelpTopic t : a.helpNeeded()) {
                json.writeString(t.name());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeNumberField("missedCheckIns", row.missedCheckIns());
        if (row.participationPercent() == null) {
            json.writeNullField("participationPercent");
        } else {
            json.writeNumberField("participationPercent", row.participationPercent());
        }
        json.writeStringField("planEnd", row.planEnd() == null ? null : row.planEnd().toString());
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.close();
    }

    /** Reads a rows file back as plain maps and lists (what the staff API returns as {@code rows}). */
    public static List<Map<String, Object>> readMaps(InputStream in) throws IOException {
        return MAPPER.readValue(in, new TypeReference<List<Map<String, Object>>>() { });
    }

    /**
     * Reads a rows file back into rows (the inverse of {@link #write}), for rewriting a list, e.g. after an
     * erasure. The status and reason texts are taken from the file as written.
     */
    public static List<ForumRow> readRows(InputStream in) throws IOException {
        List<ForumRow> rows = new ArrayList<>();
        for (JsonNode row : MAPPER.readTree(in)) {
            List<Reason> reasons = new ArrayList<>();
            for (JsonNode r : row.path("reasons")) {
                reasons.add(new Reason(text(r, "code"), text(r, "text"), text(r, "role")));
            }
            LastAnswers answers = null;
            JsonNode a = row.path("lastAnswers");
            if (a.isObject()) {
                List<HelpTopic> help = new ArrayList<>();
                a.path("helpNeeded").forEach(t -> help.add(HelpTopic.valueOf(t.asText())));
                answers = new LastAnswers(a.hasNonNull("participation") ? Participation.valueOf(text(a, "participation")) : null,
                        a.hasNonNull("wellbeing") ? a.get("wellbeing").asInt() : null, help);
            }
            rows.add(new ForumRow(text(row, "aspirantId"), text(row, "name"), ForumStatus.valueOf(text(row, "status")),
                    reasons, text(row, "suggestedRole"), date(row, "lastCheckIn"), answers,
                    row.path("missedCheckIns").asInt(), row.hasNonNull("participationPercent")
                            ? row.get("participationPercent").asInt() : null, date(row, "planEnd")));
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asText()) : null;
    }
}
