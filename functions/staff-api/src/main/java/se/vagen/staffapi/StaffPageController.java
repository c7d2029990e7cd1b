package se.vagen.staffapi;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The staff page. {@code GET /staff} and {@code /staff-assets/*} need no token: a browser cannot send the
 * Bearer token when it navigates, so the page is a shell whose script (no inline script; strict CSP) signs
 * in, keeps the ID token in sessionStorage and calls the /staff API with it. Sign-in is Cognito's hosted UI
 * (authorization code + PKCE; {@code vagen.staff.cognito-domain}, {@code vagen.staff.client-id}); on the local
 * stack, with {@code vagen.staff.local-sign-in=true}, a local page at /staff-assets/sign-in gets a token from
 * /dev/token instead.
 */
@Controller
public class StaffPageController {

    private final String cognitoDomain;
    private final String clientId;
    private final boolean localSignIn;

    /** The vagen.staff.* names win; template.yaml sets VAGEN_COGNITO_DOMAIN and VAGEN_COGNITO_CLIENT_ID. */
    public StaffPageController(
            @Value("${vagen.staff.cognito-domain:}") String cognitoDomain,
            @Value("${vagen.cognito.domain:}") String templateCognitoDomain,
            @Value("${vagen.staff.client-id:}") String clientId,
            @Value("${vagen.cognito.client-id:}") String templateClientId,
            @Value("${vagen.staff.local-sign-in:false}") boolean localSignIn) {
        this.cognitoDomain = trimSlash(cognitoDomain == null || cognitoDomain.isBlank() ? templateCognitoDomain : cognitoDomain);
        this.clientId = clientId == null || clientId.isBlank() ? (templateClientId == null ? "" : templateClientId) : clientId;
        this.localSignIn = localSignIn;
    }

    @Get(uri = "/staff", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> page() {
        String html = resource("index.html")
                .replace("{{cognitoDomain}}", escape(cognitoDomain))
                .replace("{{clientId}}", escape(clientId))
                .replace("{{localSignIn}}", Boolean.toString(localSignIn));
        return secured(HttpResponse.ok(html), MediaType.TEXT_HTML);
    }

    @Get(uri = "/staff-assets/staff.js", produces = "text/javascript")
    public HttpResponse<String> script() {
        return secured(HttpResponse.ok(resource("staff.js")), "text/javascript; charset=utf-8");
    }

    @Get(uri = "/staff-assets/staff.css", produces = "text/css")
    public HttpResponse<String> style() {
        return secured(HttpResponse.ok(resource("staff.css")), "text/css; charset=utf-8");
    }

    @Get(uri = "/staff-assets/sign-in", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> localSignInPage() {
        if (!localSignIn) {
            return HttpResponse.status(HttpStatus.NOT_FOUND);
        }
        return secured(HttpResponse.ok(resource("sign-in.html")), MediaType.TEXT_HTML);
    }

    @Get(uri = "/staff-assets/sign-in.js", produces = "text/javascript")
    public HttpResponse<String> localSignInScript() {
        if (!localSignIn) {
            return HttpResponse.status(HttpStatus.NOT_FOUND);
        }
        return secured(HttpResponse.ok(resource("sign-in.js")), "text/javascript; charset=utf-8");
    }

    private <T> MutableHttpResponse<T> secured(MutableHttpResponse<T> response, String contentType) {
        String connect = "'self'" + (cognitoDomain.isEmpty() ? "" : " " + origin(cognitoDomain));
        return response.contentType(contentType.equals(MediaType.TEXT_HTML) ? "text/html; charset=utf-8" : contentType)
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self'; connect-src " + connect + "; form-action 'self'; base-uri 'none'; "
                        + "frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getAuthority();
    }

    private static String trimSlash(String s) {
        if (s == null) {
            return "";
        }
        String t = s.trim();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in = StaffPageController.class.getClassLoader().getResourceAsStream("staff-page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing staff page resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
