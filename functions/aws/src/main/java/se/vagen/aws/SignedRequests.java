package se.vagen.aws;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * One signed call to an AWS API, for services whose SDK module would add megabytes to every artifact that
 * carries it for the single operation Vägen calls (SES v2 {@code SendEmail}: 3.2 MB of the SES v2 module; see
 * docs/performance.md). It uses the SDK's own pieces that every function carries anyway: the SigV4 signer
 * ({@code http-auth-aws}), the credentials chain and the url-connection HTTP client of {@link ClientSetup}.
 *
 * <p>Like the SDK's standard retry mode, a call is tried up to {@value #MAX_ATTEMPTS} times when the connection fails,
 * the service answers 5xx or 429, or names a throttling error; every attempt carries the same
 * {@code amz-sdk-invocation-id}. What is left is an {@link AwsCallException} with the status and the service's error
 * code, never the response's message (it may repeat an address).
 */
@Singleton
public class SignedRequests {

    static final int MAX_ATTEMPTS = 3;
    private static final long BASE_DELAY_MS = 100;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    @Inject
    public SignedRequests(ClientSetup setup) {
        this(setup.httpClient(), setup.credentials(), setup.region());
    }

    public SignedRequests(SdkHttpClient http, AwsCredentialsProvider credentials, Region region) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
    }

    /** A service's regional endpoint in AWS, e.g. {@code https://email.eu-north-1.amazonaws.com}. */
    public URI regionalEndpoint(String endpointPrefix) {
        return URI.create("https://" + endpointPrefix + "." + region.id() + "."
                + PartitionMetadata.of(region).dnsSuffix());
    }

    /**
     * Signs and sends one request and returns the answer of a 2xx status.
     *
     * @param signingName the service's SigV4 name ({@code ses}, {@code sns})
     * @param endpoint scheme, host and port (and no path)
     * @param path the encoded path, starting with {@code /}
     * @param contentType the body's media type
     * @param errorCode reads the service's error code from a failed answer (status, body); null if none
     */
    public Response post(String signingName, URI endpoint, String path, String contentType, byte[] body,
                         BiFunction<Integer, Response, String> errorCode) throws AwsCallException {
        String invocation = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = send(signingName, endpoint, path, contentType, body, invocation, attempt);
            } catch (IOException e) {
                if (attempt < MAX_ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw new AwsCallException(signingName, 0, null, true, e);
            }
            if (response.status() / 100 == 2) {
                return response;
            }
            String code = errorCode.apply(response.status(), response);
            boolean retryable = ProviderErrors.retryable(response.status(), code);
            if (!retryable || attempt >= MAX_ATTEMPTS) {
                throw new AwsCallException(signingName, response.status(), code, retryable, null);
            }
            pause(attempt);
        }
    }

    private Response send(String signingName, URI endpoint, String path, String contentType, byte[] body,
                          String invocation, int attempt) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("amz-sdk-invocation-id", invocation)
                .putHeader("amz-sdk-request", "attempt=" + attempt + "; max=" + MAX_ATTEMPTS)
                .build();
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpExecuteResponse answer = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        byte[] bytes;
        Optional<? extends InputStream> stream = answer.responseBody();
        if (stream.isPresent()) {
            try (InputStream in = stream.get()) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = new byte[0];
        }
        return new Response(answer.httpResponse().statusCode(), answer.httpResponse().headers(), bytes);
    }

    private static void pause(int attempt) throws AwsCallException {
        long ceiling = BASE_DELAY_MS << (attempt - 1);
        try {
            Thread.sleep(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallException("retry", 0, "Interrupted", false, e);
        }
    }

    /** A service's answer: status, headers (names as sent) and the whole body. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }

    /** A call that failed for good: the HTTP status (0 if none came), the service's error code and whether a later try may succeed. */
    public static final class AwsCallException extends Exception {

        private static final long serialVersionUID = 1L;
        private final int status;
        private final String errorCode;
        private final boolean retryable;

        AwsCallException(String service, int status, String errorCode, boolean retryable, Throwable cause) {
            super(service + " call failed: " + (status == 0 ? "no answer" : "HTTP " + status)
                    + (errorCode == null ? "" : " " + errorCode), cause);
            this.status = status;
            this.errorCode = errorCode;
            this.retryable = retryable;
        }

        /** 0 when the service could not be reached. */
        public int status() {
            return status;
        }

        /** The service's error code, else {@code HTTP <status>}, else {@code no answer}. */
        public String errorCode() {
            return errorCode != null ? errorCode : status == 0 ? "no answer" : "HTTP " + status;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
