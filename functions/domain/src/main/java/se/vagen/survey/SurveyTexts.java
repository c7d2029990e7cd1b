package se.vagen.survey;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The survey's e-mail and page texts in Swedish and English, from {@code survey/texts.json}. */
@Singleton
public class SurveyTexts {

    public static final String RESOURCE = "survey/texts.json";
    /** The languages the survey exists in; Swedish is the default. */
    public static final Set<String> LANGUAGES = Set.of("sv", "en");

    private final Map<String, Map<String, String>> texts = new HashMap<>();

    public SurveyTexts() {
        JsonNode root = Questionnaire.read(RESOURCE);
        for (String language : LANGUAGES) {
            Map<String, String> map = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : root.path(language).properties()) {
                map.put(field.getKey(), field.getValue().asText());
            }
            texts.put(language, Map.copyOf(map));
        }
        if (!texts.get("sv").keySet().equals(texts.get("en").keySet())) {
            throw new IllegalStateException(RESOURCE + ": sv and en must have the same keys");
        }
    }

    /** "sv" unless the request asks for English. */
    public static String language(String requested) {
        return requested != null && LANGUAGES.contains(requested.strip().toLowerCase(java.util.Locale.ROOT))
                ? requested.strip().toLowerCase(java.util.Locale.ROOT) : "sv";
    }

    /** The text with {name} placeholders filled in from pairs (name, value, name, value, ...). */
    public String get(String language, String key, Object... pairs) {
        String text = texts.getOrDefault(language(language), texts.get("sv")).get(key);
        if (text == null) {
            throw new IllegalArgumentException("No survey text " + key);
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            text = text.replace("{" + pairs[i] + "}", String.valueOf(pairs[i + 1]));
        }
        return text;
    }

    public Set<String> keys() {
        return texts.get("sv").keySet();
    }
}
