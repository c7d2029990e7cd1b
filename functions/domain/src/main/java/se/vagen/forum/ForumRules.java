package se.vagen.forum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import se.vagen.checkin.HelpTopic;

/**
 * The forum-list rules: thresholds, reason codes with their Swedish texts, roles and statuses, the
 * seriousness order (the order of {@code reasons}) and labels. Loaded from
 * {@code rules/forum-rules.json} on the classpath or from a file the municipality maintains.
 */
public final class ForumRules {

    /** Role value meaning "the aspirant's own contact role". */
    public static final String OWNER = "OWNER";
    public static final String DEFAULT_RESOURCE = "rules/forum-rules.json";

    /** One reason as configured; {@code variants} holds alternative texts (NOT_PARTICIPATING: NO, PARTLY). */
    public record ReasonRule(String code, ForumStatus status, String role, HelpTopic helpTopic, String text,
                             Map<String, String> variants, int seriousness) {
    }

    private final int historyCycles;
    private final int missedInARow;
    private final int partlyInARow;
    private final int wellbeingAtMost;
    private final int endingWithinDays;
    private final int newWithinDays;
    private final String defaultOwnerRole;
    private final List<String> roleOrder;
    private final Set<String> suppressedDuringPause;
    private final Map<String, ReasonRule> reasons;
    private final Map<HelpTopic, ReasonRule> helpReasons;
    private final Map<String, Map<String, String>> labels;

    private ForumRules(JsonNode root) {
        JsonNode t = required(root, "thresholds");
        historyCycles = positive(root, "historyCycles");
        missedInARow = positive(t, "missedInARow");
        partlyInARow = positive(t, "partlyInARow");
        wellbeingAtMost = positive(t, "wellbeingAtMost");
        endingWithinDays = positive(t, "endingWithinDays");
        newWithinDays = positive(t, "newWithinDays");
        defaultOwnerRole = required(root, "defaultOwnerRole").asText();
        List<String> order = new ArrayList<>();
        root.path("roleOrder").forEach(n -> order.add(n.asText()));
        roleOrder = List.copyOf(order);
        Set<String> suppressed = new TreeSet<>();
        root.path("suppressedDuringPause").forEach(n -> suppressed.add(n.asText()));
        suppressedDuringPause = Collections.unmodifiableSet(suppressed);

        Map<String, ReasonRule> byCode = new LinkedHashMap<>();
        Map<HelpTopic, ReasonRule> byTopic = new EnumMap<>(HelpTopic.class);
        int rank = 0;
        for (JsonNode r : required(root, "reasons")) {
            String code = required(r, "code").asText();
            ForumStatus status = ForumStatus.valueOf(required(r, "status").asText());
            if (status == ForumStatus.ON_TRACK) {
                throw new IllegalArgumentException("Reason " + code + ": ON_TRACK is the status without reasons");
            }
            HelpTopic topic = r.hasNonNull("helpTopic") ? HelpTopic.valueOf(r.get("helpTopic").asText()) : null;
            Map<String, String> variants = new HashMap<>();
            r.path("variants").properties().forEach(e -> variants.put(e.getKey(), e.getValue().asText()));
            ReasonRule rule = new ReasonRule(code, status, required(r, "role").asText(), topic,
                    required(r, "text").asText(), Map.copyOf(variants), rank++);
            if (byCode.put(code, rule) != null) {
                throw new IllegalArgumentException("Reason code listed twice: " + code);
            }
            if (topic != null) {
                byTopic.put(topic, rule);
            }
        }
        for (String code : List.of(Classifier.MISSED_CHECKINS, Classifier.NOT_PARTICIPATING, Classifier.LOW_WELLBEING,
                Classifier.OPTED_OUT, Classifier.FREE_TEXT, Classifier.PAUSED, Classifier.ENDING, Classifier.NEW)) {
            if (!byCode.containsKey(code)) {
                throw new IllegalArgumentException("The rules file lacks reason " + code);
            }
        }
        reasons = Collections.unmodifiableMap(byCode);
        helpReasons = Collections.unmodifiableMap(byTopic);

        Map<String, Map<String, String>> l = new HashMap<>();
        root.path("labels").properties().forEach(group -> {
            Map<String, String> values = new HashMap<>();
            group.getValue().properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            l.put(group.getKey(), Map.copyOf(values));
        });
        labels = Map.copyOf(l);
    }

    public static ForumRules defaults() {
        try (InputStream in = ForumRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + DEFAULT_RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    public static ForumRules fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read forum rules file " + file, e);
        }
    }

    public static ForumRules parse(InputStream json) throws IOException {
        return new ForumRules(new ObjectMapper().readTree(json));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Forum rules: missing '" + field + "'");
        }
        return value;
    }

    private static int positive(JsonNode node, String field) {
        int value = required(node, field).asInt(-1);
        if (value < 1) {
            throw new IllegalArgumentException("Forum rules: '" + field + "' must be a positive number");
        }
        return value;
    }

    public int historyCycles() {
        return historyCycles;
    }

    public int missedInARow() {
        return missedInARow;
    }

    public int partlyInARow() {
        return partlyInARow;
    }

    public int wellbeingAtMost() {
        return wellbeingAtMost;
    }

    public int endingWithinDays() {
        return endingWithinDays;
    }

    public int newWithinDays() {
        return newWithinDays;
    }

    public String defaultOwnerRole() {
        return defaultOwnerRole;
    }

    public List<String> roleOrder() {
        return roleOrder;
    }

    public boolean suppressedDuringPause(String code) {
        return suppressedDuringPause.contains(code);
    }

    public ReasonRule reason(String code) {
        ReasonRule rule = reasons.get(code);
        if (rule == null) {
            throw new IllegalArgumentException("Unknown reason code " + code);
        }
        return rule;
    }

    /** The reason configured for a help topic, or null when asking for it is not a reason (NONE). */
    public ReasonRule helpReason(HelpTopic topic) {
        return helpReasons.get(topic);
    }

    public List<ReasonRule> reasons() {
        return List.copyOf(reasons.values());
    }

    /** A label from the {@code labels} group (status, pauseReason, channel, participation, helpTopic), or the key. */
    public String label(String group, String key) {
        return labels.getOrDefault(group, Map.of()).getOrDefault(key, key);
    }

    /** Position of a role in {@code roleOrder}; roles not listed come after, alphabetically (see ForumRowOrder). */
    public int roleRank(String role) {
        int i = role == null ? -1 : roleOrder.indexOf(role);
        return i < 0 ? roleOrder.size() : i;
    }
}
