package se.vagen.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import se.vagen.common.Language;

/**
 * The word lists of {@code rules/reply-words.json}, normalised with {@link ReplyTokens}. For every question a
 * table per language plus a table of all languages together (a phrase that two languages read differently is
 * left out of the shared table, so only the aspirant's own language decides it).
 */
final class ReplyWords {

    /** Phrase -> value, per language, and the union of all languages. */
    static final class Table<V> {
        private final Map<Language, Map<String, V>> byLanguage = new EnumMap<>(Language.class);
        private final Map<String, V> all = new HashMap<>();
        private final Set<String> ambiguous = new HashSet<>();
        private int maxWords = 1;

        void add(Language lang, String phrase, V value, String where) {
            String norm = ReplyTokens.normalisePhrase(phrase);
            if (norm.isEmpty()) {
                throw new IllegalStateException("reply-words.json: empty phrase in " + where);
            }
            if (lang != null) {
                V before = byLanguage.computeIfAbsent(lang, l -> new HashMap<>()).put(norm, value);
                if (before != null && !before.equals(value)) {
                    throw new IllegalStateException("reply-words.json: '" + phrase + "' means both " + before
                            + " and " + value + " in " + where);
                }
            }
            V other = all.get(norm);
            if (ambiguous.contains(norm) || (other != null && !other.equals(value))) {
                ambiguous.add(norm);
                all.remove(norm);
            } else {
                all.put(norm, value);
            }
            maxWords = Math.max(maxWords, norm.split(" ").length);
        }

        /** The aspirant's language first, then any language. */
        V find(Language lang, String phrase) {
            Map<String, V> own = lang == null ? null : byLanguage.get(lang);
            V v = own == null ? null : own.get(phrase);
            return v != null ? v : all.get(phrase);
        }

        int maxWords() {
            return maxWords;
        }
    }

    final Table<ParsedReply.Kind> keywords = new Table<>();
    final Table<Boolean> fillers = new Table<>();
    final Table<Boolean> conjunctions = new Table<>();
    final Table<Participation> participation = new Table<>();
    final Table<Integer> wellbeing = new Table<>();
    final Table<Boolean> none = new Table<>();
    final Table<HelpTopic> topics = new Table<>();

    static ReplyWords load(String resource) {
        try (InputStream in = ReplyWords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Reply word list missing from the class path: " + resource);
            }
            return new ReplyWords(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    private ReplyWords(JsonNode root) {
        fields(required(root, "keywords"), (kind, words) ->
                words.forEach(w -> keywords.add(null, w.asText(), ParsedReply.Kind.valueOf(kind), "keywords")));
        required(root, "fillers").forEach(w -> fillers.add(null, w.asText(), Boolean.TRUE, "fillers"));
        required(root, "conjunctions").forEach(w -> conjunctions.add(null, w.asText(), Boolean.TRUE, "conjunctions"));

        JsonNode languages = required(root, "languages");
        for (Language lang : Language.values()) {
            JsonNode l = required(languages, lang.code());
            String where = "languages." + lang.code();
            addValues(lang, required(l, "participation"), participation, Participation::valueOf, where);
            addValues(lang, required(l, "wellbeing"), wellbeing, ReplyWords::wellbeingValue, where);
            required(l, "none").forEach(w -> none.add(lang, w.asText(), Boolean.TRUE, where + ".none"));
            addValues(lang, required(l, "topics"), topics, ReplyWords::topic, where + ".topics");
        }
        JsonNode symbols = required(root, "symbols");
        addValues(null, required(symbols, "participation"), participation, Participation::valueOf, "symbols");
        addValues(null, required(symbols, "wellbeing"), wellbeing, ReplyWords::wellbeingValue, "symbols");
        required(symbols, "none").forEach(w -> none.add(null, w.asText(), Boolean.TRUE, "symbols.none"));
    }

    private static HelpTopic topic(String key) {
        HelpTopic t = HelpTopic.valueOf(key);
        if (t == HelpTopic.NONE) {
            throw new IllegalStateException("reply-words.json: NONE words belong in 'none', not in 'topics'");
        }
        return t;
    }

    private static Integer wellbeingValue(String key) {
        int v = Integer.parseInt(key);
        if (v < 1 || v > 5) {
            throw new IllegalStateException("reply-words.json: wellbeing " + key + " is not 1..5");
        }
        return v;
    }

    private static <V> void addValues(Language lang, JsonNode byValue, Table<V> table, Function<String, V> parse,
            String where) {
        fields(byValue, (key, words) -> {
            V value = parse.apply(key);
            words.forEach(w -> table.add(lang, w.asText(), value, where + "." + key));
        });
    }

    private static void fields(JsonNode node, java.util.function.BiConsumer<String, JsonNode> each) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            each.accept(e.getKey(), e.getValue());
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalStateException("reply-words.json: '" + field + "' is missing");
        }
        return n;
    }
}
