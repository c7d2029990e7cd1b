package se.vagen.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml for the template tests: its raw text, and its content with CloudFormation's
 * short-form tags read as their long form ({@code !Ref X} -> {"Ref": "X"}, {@code !GetAtt A.B} ->
 * {"Fn::GetAtt": ["A", "B"]}, {@code !Sub ...} -> {"Fn::Sub": ...}), as plain maps and lists.
 */
final class TemplateFile {

    private static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "ToJsonString", "Length");

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

    /** Parses CloudFormation YAML text, short-form tags turned into their long form. */
    static Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        Map<String, Object> content = new Yaml(new ShortFormConstructor(options)).load(text);
        return content;
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

    private static final class ShortFormConstructor extends SafeConstructor {
        ShortFormConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String function : FUNCTIONS) {
                if (!function.equals("GetAtt")) {
                    yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
                }
            }
        }

        private Object constructAny(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> items = new ArrayList<>();
                for (Node child : sequence.getValue()) {
                    items.add(constructObject(child));
                }
                return items;
            }
            Map<Object, Object> mapping = new LinkedHashMap<>();
            constructMapping2ndStep((MappingNode) node, mapping);
            return mapping;
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(key, constructAny(node));
                return result;
            }
        }

        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = constructAny(node);
                if (value instanceof String s) {
                    int dot = s.indexOf('.');
                    value = List.of(s.substring(0, dot), s.substring(dot + 1));
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("Fn::GetAtt", value);
                return result;
            }
        }
    }
}
