package se.vagen.local.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml against the official SAM JSON Schema (infra/schemas/sam.schema.json, draft-04). */
class TemplateSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TemplateFile template;
    private static JsonSchema schema;
    private static ObjectNode schemaJson;

    @BeforeAll
    static void load() throws IOException {
        template = TemplateFile.load();
        try (InputStream in = Files.newInputStream(template.root.resolve("infra/schemas/sam.schema.json"))) {
            schemaJson = (ObjectNode) JSON.readTree(in);
        }
        schema = factory().getSchema(schemaJson);
    }

    /** Draft-04, plus the schema's own documentation keywords (they validate nothing). */
    private static JsonSchemaFactory factory() {
        JsonMetaSchema draft4 = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keyword(new NonValidationKeyword("__samPassThrough"))
                .keyword(new NonValidationKeyword("markdownDescription"))
                .build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder.metaSchema(draft4));
    }

    private static Set<ValidationMessage> validate(Map<String, Object> content) {
        JsonNode node = JSON.valueToTree(content);
        return schema.validate(node);
    }

    /**
     * The whole-template errors come from every branch of the schema's anyOf over resource types,
     * which hides the real one. So each SAM resource is also checked against its own type's branch.
     */
    private static String describe(Set<ValidationMessage> errors) {
        StringBuilder text = new StringBuilder();
        template.resources().forEach((id, resource) -> {
            String type = String.valueOf(resource.get("Type"));
            if (!type.startsWith("AWS::Serverless::")) {
                return;
            }
            String definition = "samtranslator__internal__schema_source__aws_serverless_"
                    + type.substring("AWS::Serverless::".length()).toLowerCase(Locale.ROOT) + "__Resource";
            ObjectNode branch = schemaJson.deepCopy();
            branch.remove("properties");
            branch.remove("required");
            branch.remove("additionalProperties");
            branch.put("$ref", "#/definitions/" + definition);
            factory().getSchema(branch).validate(JSON.valueToTree(resource))
                    .forEach(m -> text.append(id).append(": ").append(m.getMessage()).append('\n'));
        });
        if (text.length() == 0) {
            errors.stream().limit(30).forEach(m -> text.append(m.getMessage()).append('\n'));
        }
        return text.toString();
    }

    @Test
    void templateIsValidSam() {
        Set<ValidationMessage> errors = validate(template.content);
        assertTrue(errors.isEmpty(), () -> errors.size() + " schema errors:\n" + describe(errors));
    }

    @Test
    void schemaCatchesAMistakeInAFunction() {
        // Proves the validation is strict where SAM is: a misspelt function property fails.
        String broken = template.text.replace("      MemorySize: 2048\n", "      MemorySise: 2048\n");
        assertFalse(broken.equals(template.text), "the forum-list function's MemorySize line moved; update this test");
        assertFalse(validate(TemplateFile.parse(broken)).isEmpty(), "a misspelt property must fail validation");
    }

    @Test
    void schemaCatchesAMistakeInAnEvent() {
        String broken = template.text.replace("ScheduleExpressionTimezone: Europe/Stockholm",
                "ScheduleTimezone: Europe/Stockholm");
        assertFalse(validate(TemplateFile.parse(broken)).isEmpty(), "a misspelt schedule property must fail validation");
    }
}
