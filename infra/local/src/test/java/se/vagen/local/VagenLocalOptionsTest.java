package se.vagen.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line of the runnable jar. */
class VagenLocalOptionsTest {

    @Test
    void defaults() {
        assumeTrue(System.getenv("PORT") == null, "PORT is set in this environment");
        LocalStack.Options options = VagenLocal.parse(new String[0]);
        assertEquals(8080, options.port());
        assertNull(options.dataDir());
        assertTrue(options.demo());
        assertEquals("local", options.stage());
    }

    @Test
    void everyOption() {
        LocalStack.Options options = VagenLocal.parse(new String[] {"--port", "9001", "--data", "/tmp/v", "--no-demo"});
        assertEquals(9001, options.port());
        assertEquals(Path.of("/tmp/v"), options.dataDir());
        assertFalse(options.demo());
    }

    @Test
    void helpPrintsUsage() {
        assertNull(VagenLocal.parse(new String[] {"--help"}));
        assertTrue(VagenLocal.usage().contains("--no-demo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port", "--port x", "--port 70000", "--port -1", "--data", "--demo", "8080"})
    void badOptionsAreRejected(String args) {
        assertThrows(IllegalArgumentException.class, () -> VagenLocal.parse(args.split(" ")));
    }
}
