package se.vagen.local.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Reads a CloudFormation / SAM template. The short-form intrinsic function tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) become their long form, as CloudFormation itself reads them: {@code !Ref X} ->
 * {@code {"Ref": "X"}}, {@code !Sub s} -> {@code {"Fn::Sub": s}}, {@code !GetAtt A.B} ->
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Condition C} -> {@code {"Condition": "C"}}.
 * The result is plain maps, lists and scalars (safe constructor: no arbitrary types).
 */
public final class CloudFormationYaml {

    /** Short-form tag name -> long-form key. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("Ref", "Ref"),
            Map.entry("Condition", "Condition"),
            Map.entry("Sub", "Fn::Sub"),
            Map.entry("GetAtt", "Fn::GetAtt"),
            Map.entry("Join", "Fn::Join"),
            Map.entry("If", "Fn::If"),
            Map.entry("Select", "Fn::Select"),
            Map.entry("Split", "Fn::Split"),
            Map.entry("Equals", "Fn::Equals"),
            Map.entry("Not", "Fn::Not"),
            Map.entry("And", "Fn::And"),
            Map.entry("Or", "Fn::Or"),
            Map.entry("FindInMap", "Fn::FindInMap"),
            Map.entry("ImportValue", "Fn::ImportValue"),
            Map.entry("Base64", "Fn::Base64"),
            Map.entry("Cidr", "Fn::Cidr"),
            Map.entry("GetAZs", "Fn::GetAZs"),
            Map.entry("Transform", "Fn::Transform"),
            Map.entry("ToJsonString", "Fn::ToJsonString"),
            Map.entry("Length", "Fn::Length"));

    private CloudFormationYaml() {
    }

    /** Parses a template from text. */
    public static Map<String, Object> parse(String yaml) {
        return parse(new StringReader(yaml));
    }

    /** Parses a template file. */
    public static Map<String, Object> parse(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Parses a template from a stream (UTF-8). */
    public static Map<String, Object> parse(InputStream in) {
        return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        Object document = new Yaml(new Constructor(options)).load(reader);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("A template is a YAML mapping at the top level");
        }
        return (Map<String, Object>) document;
    }

    private static final class Constructor extends SafeConstructor {

        Constructor(LoaderOptions options) {
            super(options);
            FUNCTIONS.forEach((shortName, longName) -> this.yamlConstructors.put(new Tag("!" + shortName),
                    new Intrinsic(shortName, longName)));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String shortName;
            private final String longName;

            Intrinsic(String shortName, String longName) {
                this.shortName = shortName;
                this.longName = longName;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    if ("GetAtt".equals(shortName)) {
                        int dot = text.indexOf('.');
                        value = dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
                    } else {
                        value = text;
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else if (node instanceof MappingNode mapping) {
                    value = constructMapping(mapping);
                } else {
                    throw new IllegalArgumentException("Unsupported node for !" + shortName);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(longName, value);
                return result;
            }
        }
    }
}
