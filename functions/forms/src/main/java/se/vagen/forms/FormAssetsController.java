package se.vagen.forms;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * GET /c/form.css: the one stylesheet of the public pages (no inline style anywhere). It sits under /c/ so the HTTP
 * API's {@code GET /c/{token}} route already reaches it (a token never contains a dot); Micronaut prefers this
 * literal route over {@code /c/{token}}.
 */
@Controller("/c")
public class FormAssetsController {

    private final String css = load();

    @Get("/form.css")
    public MutableHttpResponse<String> css() {
        return HttpResponse.ok(css)
                .contentType("text/css;charset=utf-8")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=3600");
    }

    private static String load() {
        try (InputStream in = FormAssetsController.class.getClassLoader().getResourceAsStream("forms/form.css")) {
            if (in == null) {
                throw new IllegalStateException("forms/form.css missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read forms/form.css", e);
        }
    }
}
