package se.vagen.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vagen.local.schema.CloudFormationYaml;

/**
 * The functions as template.yaml deploys them: artifact (CodeUri), handler string, memory and the VAGEN_*
 * environment. Functions the template does not define (yet) are taken from the fixed layout, so the benchmark
 * can run while the template is being written.
 */
final class LambdaFunctions {

    /** One function. {@code environment} holds the template's raw values (strings or intrinsic-function maps). */
    record FunctionSpec(String name, Path artifact, String handler, int memoryMb, Map<String, Object> environment,
                        boolean fromTemplate) {
    }

    /** Fixed layout (helpers/COMMON.md): module directory, artifact name, handler class. */
    private static final List<String[]> LAYOUT = List.of(
            new String[] {"forms", "functions/forms/target/vagen-forms.jar", "se.vagen.forms.FormsFunction"},
            new String[] {"staff-api", "functions/staff-api/target/vagen-staff-api.jar", "se.vagen.staffapi.StaffApiFunction"},
            new String[] {"inbound-messages", "functions/inbound-messages/target/vagen-inbound-messages.jar",
                    "se.vagen.inbound.InboundMessagesFunction"},
            new String[] {"checkin-reminders", "functions/checkin-reminders/target/vagen-checkin-reminders.jar",
                    "se.vagen.reminders.CheckinRemindersFunction"},
            new String[] {"survey-links", "functions/survey-links/target/vagen-survey-links.jar",
                    "se.vagen.surveylinks.SurveyLinksFunction"},
            new String[] {"forum-list", "functions/forum-list/target/vagen-forum-list.jar",
                    "se.vagen.forumlist.ForumListFunction"});

    private LambdaFunctions() {
    }

    @SuppressWarnings("unchecked")
    static List<FunctionSpec> read(Path root) {
        Map<String, Object> template = CloudFormationYaml.parse(root.resolve("template.yaml"));
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        int defaultMemory = number(globals.get("MemorySize"), 512);
        Map<String, Object> globalEnv = map(map(globals.get("Environment")).get("Variables"));
        String globalHandler = string(globals.get("Handler"));
        String globalCodeUri = string(globals.get("CodeUri"));

        Map<String, FunctionSpec> byHandlerClass = new LinkedHashMap<>();
        map(template.get("Resources")).forEach((logicalId, value) -> {
            Map<String, Object> resource = map(value);
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = map(resource.get("Properties"));
            String handler = string(properties.getOrDefault("Handler", globalHandler));
            String codeUri = string(properties.getOrDefault("CodeUri", globalCodeUri));
            if (handler == null || codeUri == null) {
                return;
            }
            Map<String, Object> environment = new LinkedHashMap<>(globalEnv);
            environment.putAll(map(map(properties.get("Environment")).get("Variables")));
            String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            byHandlerClass.put(handlerClass, new FunctionSpec(nameOf(handlerClass, logicalId),
                    root.resolve(codeUri).normalize(), handler, number(properties.get("MemorySize"), defaultMemory),
                    environment, true));
        });
        List<FunctionSpec> result = new ArrayList<>();
        for (String[] layout : LAYOUT) {
            FunctionSpec fromTemplate = byHandlerClass.remove(layout[2]);
            result.add(fromTemplate != null ? fromTemplate
                    : new FunctionSpec(layout[0], root.resolve(layout[1]), layout[2], defaultMemory, Map.of(), false));
        }
        byHandlerClass.values().forEach(result::add);
        return result;
    }

    private static String nameOf(String handlerClass, String logicalId) {
        for (String[] layout : LAYOUT) {
            if (layout[2].equals(handlerClass)) {
                return layout[0];
            }
        }
        return logicalId;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static int number(Object value, int otherwise) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("\\d+")) {
            return Integer.parseInt(s);
        }
        return otherwise;
    }
}
