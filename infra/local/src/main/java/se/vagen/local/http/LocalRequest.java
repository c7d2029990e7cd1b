package se.vagen.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An HTTP request as the local server received it (headers with lower-case names). */
public record LocalRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           byte[] body, String sourceIp) {

    /** API Gateway's payload limit. */
    public static final int MAX_BODY = 10 * 1024 * 1024;

    /** Thrown when the body is larger than {@link #MAX_BODY}. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("Request body over 10 MB");
        }
    }

    public static LocalRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        byte[] body = readLimited(exchange.getRequestBody());
        String ip = exchange.getRemoteAddress() == null ? "127.0.0.1"
                : exchange.getRemoteAddress().getAddress().getHostAddress();
        return new LocalRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body, ip);
    }

    /** Reads the body; one over the limit is read to its end (so the client gets the 413) and dropped. */
    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total <= MAX_BODY) {
                out.write(buffer, 0, n);
            } else if (total > 8L * MAX_BODY) {
                break;
            }
        }
        if (total > MAX_BODY) {
            throw new TooLarge();
        }
        return out.toByteArray();
    }

    /** The decoded path. */
    public String path() {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
