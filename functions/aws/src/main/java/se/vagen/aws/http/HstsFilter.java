package se.vagen.aws.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;

/**
 * {@code Strict-Transport-Security} on HTML responses when Vägen runs behind HTTPS, i.e. in AWS, where
 * {@code vagen.public-base-url} is an https address. The local stack serves plain http on localhost and gets no
 * HSTS (a browser would otherwise refuse http://localhost afterwards). Shared by the two HTTP functions
 * (forms, staff-api); defined only where Micronaut's HTTP layer is on the class path.
 */
@Requires(classes = ServerFilter.class)
@ServerFilter("/**")
public class HstsFilter {

    /** Two years, subdomains included (the HSTS preload list's minimum is one year). */
    public static final String VALUE = "max-age=63072000; includeSubDomains";

    private final boolean https;

    public HstsFilter(@Value("${vagen.public-base-url:}") String publicBaseUrl) {
        this.https = publicBaseUrl != null && publicBaseUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    @ResponseFilter
    public void addHeader(MutableHttpResponse<?> response) {
        if (!https || response.getHeaders().contains("Strict-Transport-Security")) {
            return;
        }
        boolean html = response.getContentType().map(t -> t.getName().equals(MediaType.TEXT_HTML)).orElse(false)
                || response.getHeaders().get("Content-Type", String.class).map(t -> t.startsWith(MediaType.TEXT_HTML)).orElse(false);
        if (html) {
            response.header("Strict-Transport-Security", VALUE);
        }
    }
}
