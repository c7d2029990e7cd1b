package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.local.schema.CloudFormationYaml;
import se.vagen.local.schema.TemplateRoutes;

/** Local routing follows the template's HttpApi routes and their authorizer. */
class TemplateRoutesTest {

    private static final TemplateRoutes ROUTES = TemplateRoutes.of(CloudFormationYaml.parse(Path.of("../../template.yaml")));

    @ParameterizedTest
    @CsvSource({
            "GET,  /c/abc123,                 GET /c/{token},          se.vagen.forms.FormsFunction,         false, token=abc123",
            "POST, /c/abc123,                 POST /c/{token},         se.vagen.forms.FormsFunction,         false, token=abc123",
            "GET,  /s/x%2Dy,                  GET /s/{token},          se.vagen.forms.FormsFunction,         false, token=x-y",
            "GET,  /staff,                    GET /staff,              se.vagen.staffapi.StaffApiFunction,   false, ''",
            "GET,  /staff/forum-lists,        ANY /staff/{proxy+},     se.vagen.staffapi.StaffApiFunction,   true,  proxy=forum-lists",
            "PUT,  /staff/aspirants/a1,       ANY /staff/{proxy+},     se.vagen.staffapi.StaffApiFunction,   true,  proxy=aspirants/a1",
            "POST, /staff,                    -,                       -,                                    false, ''",
            "DELETE, /c/abc,                  -,                       -,                                    false, ''",
            "GET,  /c/abc/extra,              -,                       -,                                    false, ''",
            "GET,  /nothing,                  -,                       -,                                    false, ''"})
    void matches(String method, String path, String routeKey, String handler, boolean authorized, String parameter) {
        Optional<TemplateRoutes.Match> match = ROUTES.match(method, path);
        if ("-".equals(routeKey)) {
            assertTrue(match.isEmpty(), method + " " + path + " -> " + match);
            return;
        }
        assertTrue(match.isPresent(), method + " " + path);
        assertEquals(routeKey, match.get().route().routeKey());
        assertEquals(handler, match.get().route().handlerClass());
        assertEquals(authorized, match.get().route().authorized());
        assertEquals(parameter.isEmpty() ? "{}" : "{" + parameter + "}", match.get().pathParameters().toString());
    }
}
