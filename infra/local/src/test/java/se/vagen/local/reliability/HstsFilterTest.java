package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.vagen.aws.http.HstsFilter;

/** HSTS on HTML only when the public base URL is https (AWS); never on the local stack's http://localhost. */
class HstsFilterTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("https://vagen.example.se", "text/html;charset=utf-8", HstsFilter.VALUE),
                Arguments.of("HTTPS://vagen.example.se", "text/html", HstsFilter.VALUE),
                Arguments.of("https://abc.execute-api.eu-north-1.amazonaws.com", "text/html", HstsFilter.VALUE),
                Arguments.of("https://vagen.example.se", "application/json", null),
                Arguments.of("https://vagen.example.se", "text/css", null),
                Arguments.of("http://localhost:8080", "text/html;charset=utf-8", null),
                Arguments.of("", "text/html", null),
                Arguments.of(null, "text/html", null));
    }

    /** One filter (functions/aws) serves both HTTP functions, forms and staff-api. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("cases")
    void htmlOverHttpsOnly(String baseUrl, String contentType, String expected) {
        check((r, f) -> new HstsFilter(f).addHeader(r), baseUrl, contentType, expected);
    }

    private static void check(BiConsumer<MutableHttpResponse<?>, String> filter, String baseUrl, String contentType,
                              String expected) {
        MutableHttpResponse<String> response = HttpResponse.ok("<p>x</p>").contentType(contentType);
        filter.accept(response, baseUrl);
        String actual = response.getHeaders().get("Strict-Transport-Security");
        if (expected == null) {
            assertNull(actual);
        } else {
            assertEquals(expected, actual);
        }
    }
}
