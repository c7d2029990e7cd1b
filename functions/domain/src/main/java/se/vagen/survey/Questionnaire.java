package se.vagen.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The employer survey's questions, loaded from {@code survey/questionnaire.json} (order = form order). */
@Singleton
public class Questionnaire {

    public static final String RESOURCE = "survey/questionnaire.json";

    private final List<Question> questions;
    private final String dontKnowValue;
    private final int scaleMin;
    private final int scaleMax;

    public Questionnaire() {
        this(RESOURCE);
    }

    Questionnaire(String resource) {
        JsonNode root = read(resource);
        this.dontKnowValue = root.path("dontKnowValue").asText("vet_ej");
        this.scaleMin = root.path("scaleMin").asInt(1);
        this.scaleMax = root.path("scaleMax").asInt(10);
        List<Question> list = new ArrayList<>();
        for (JsonNode q : root.path("questions")) {
            list.add(new Question(
                    q.path("code").asText(),
                    Question.Kind.valueOf(q.path("kind").asText().toUpperCase(Locale.ROOT)),
                    texts(q.get("label")), texts(q.get("text")), texts(q.get("hint")), texts(q.get("low")), texts(q.get("high"))));
        }
        if (list.stream().map(Question::code).distinct().count() != list.size()) {
            throw new IllegalStateException(resource + ": question codes must be unique");
        }
        this.questions = List.copyOf(list);
    }

    public List<Question> questions() {
        return questions;
    }

    public List<Question> ofKind(Question.Kind kind) {
        return questions.stream().filter(q -> q.kind() == kind).toList();
    }

    /** The six service factors, in form order. */
    public List<Question> factors() {
        return ofKind(Question.Kind.FACTOR);
    }

    /** The three NKI questions, in form order. */
    public List<Question> nki() {
        return ofKind(Question.Kind.NKI);
    }

    public Optional<Question> question(String code) {
        return questions.stream().filter(q -> q.code().equals(code)).findFirst();
    }

    public String dontKnowValue() {
        return dontKnowValue;
    }

    public int scaleMin() {
        return scaleMin;
    }

    public int scaleMax() {
        return scaleMax;
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node != null) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                texts.put(field.getKey(), field.getValue().asText());
            }
        }
        return texts;
    }

    static JsonNode read(String resource) {
        try (InputStream in = Questionnaire.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
