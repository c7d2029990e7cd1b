package se.vagen.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vagen.local.schema.CloudFormationYaml;

/**
 * template.yaml for the template tests: its raw text, and its content as the local stack reads it
 * ({@link CloudFormationYaml}: short-form tags as their long form, {@code !Ref X} -> {"Ref": "X"}, {@code !GetAtt A.B} ->
 * {"Fn::GetAtt": ["A", "B"]}, {@code !Sub ...} -> {"Fn::Sub": ...}), as plain maps and lists.
 */
final class TemplateFile {

    final Path root;
    final String text;
    final Map<String, Object> content;

    private TemplateFile(Path root, String text, Map<String, Object> content) {
        this.root = root;
        this.text = text;
        this.content = content;
    }

    /** The repository's template.yaml (found upwards from the working directory). */
    static TemplateFile load() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
        }
        try {
            String text = Files.readString(dir.resolve("template.yaml"), StandardCharsets.UTF_8);
            return new TemplateFile(dir, text, parse(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses CloudFormation YAML text, short-form tags turned into their long form (the local stack's reader). */
    static Map<String, Object> parse(String text) {
        return CloudFormationYaml.parse(text);
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) content.get("Resources");
    }

    /** Resources of one type, by logical id, in template order. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                result.put(id, resource);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    /** A function's property, from the function or else from Globals.Function. */
    Object functionProperty(Map<String, Object> function, String name) {
        Object own = properties(function).get(name);
        return own != null ? own : map(map(content.get("Globals")).get("Function")).get(name);
    }
}
