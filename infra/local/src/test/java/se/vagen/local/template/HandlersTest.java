package se.vagen.local.template;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.local.template.TemplateFile.properties;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Handler in template.yaml exists: compiled in its module, inside the deployable jar at
 * CodeUri, and shaped as COMMON.md fixes it. The jars are built in the function modules' package
 * phase, which the reactor runs before this module's tests (`./mvnw verify`).
 */
class HandlersTest {

    private static final TemplateFile TEMPLATE = TemplateFile.load();
    /** Handlers that need no Micronaut context: the Cognito trigger only maps groups to scopes. */
    private static final Set<String> PLAIN_HANDLERS = Set.of("StaffTokenScopesFunction");

    static Stream<String> functions() {
        return TEMPLATE.resourcesOfType("AWS::Serverless::Function").keySet().stream();
    }

    private static Map<String, Object> function(String id) {
        return properties(TEMPLATE.resources().get(id));
    }

    private static String classEntry(String id) {
        String handler = (String) function(id).get("Handler");
        assertNotNull(handler, id + ": Handler");
        return handler.split("::")[0].replace('.', '/') + ".class";
    }

    @ParameterizedTest
    @MethodSource("functions")
    void handlerIsCompiledInItsModule(String id) {
        String codeUri = (String) function(id).get("CodeUri");
        assertTrue(codeUri.matches("functions/[a-z-]+/target/vagen-[a-z-]+\\.jar"), id + ": CodeUri " + codeUri);
        Path module = TEMPLATE.root.resolve(codeUri).getParent().getParent();
        Path compiled = module.resolve("target/classes").resolve(classEntry(id));
        assertTrue(Files.isRegularFile(compiled), id + ": " + compiled + " missing (is the handler class in " + module + "?)");
    }

    @ParameterizedTest
    @MethodSource("functions")
    void handlerIsInTheDeployableJar(String id) throws IOException {
        Path jar = TEMPLATE.root.resolve((String) function(id).get("CodeUri"));
        assertTrue(Files.isRegularFile(jar), id + ": " + jar + " missing; it is built by `./mvnw package` (run `verify`)");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertNotNull(file.getEntry(classEntry(id)), id + ": " + classEntry(id) + " not in " + jar);
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void handlerHasTheFixedShape(String id) throws ClassNotFoundException {
        Class<?> handler = Class.forName(((String) function(id).get("Handler")).split("::")[0]);
        assertTrue(Modifier.isPublic(handler.getModifiers()) && !Modifier.isAbstract(handler.getModifiers()), id);
        assertTrue(RequestHandler.class.isAssignableFrom(handler), id + ": a Lambda RequestHandler");
        assertDoesNotThrow(() -> handler.getConstructor(), id + ": public no-arg constructor (Lambda)");
        if (PLAIN_HANDLERS.contains(id)) {
            for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
                assertFalse(c.getName().startsWith("io.micronaut."), id + ": a plain handler, not a " + c.getName());
            }
        } else {
            assertDoesNotThrow(() -> handler.getConstructor(ApplicationContext.class),
                    id + ": public constructor taking an ApplicationContext (the local stack shares one)");
        }
    }
}
