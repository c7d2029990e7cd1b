package se.vagen.aws;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * Signed calls to AWS APIs for the few operations Vägen needs of services whose SDK module would add megabytes to
 * every artifact carrying it (SES v2 {@code SendEmail}: 3.2 MB; S3's get, put, multipart upload and presigned GET:
 * 4.6 MB; see docs/performance.md). It uses only the SDK pieces every function carries anyway: the SigV4 signer
 * ({@code http-auth-aws}, which also presigns), the credentials chain and the url-connection HTTP client of
 * {@link ClientSetup}.
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

    public Region region() {
        return region;
    }

    /** A service's regional endpoint in AWS, e.g. {@code https://email.eu-north-1.amazonaws.com}. */
    public URI regionalEndpoint(String endpointPrefix) {
        return URI.create("https://" + endpointPrefix + "." + region.id() + "." + PartitionMetadata.of(region).dnsSuffix());
    }

    /**
     * POSTs a body and returns the whole answer of a 2xx status.
     *
     * @param signingName the service's SigV4 name ({@code ses})
     * @param endpoint scheme, host and port (and no path)
     * @param path the encoded path, starting with {@code /}
     * @param errorCode reads the service's error code from a failed answer; null if it has none
     */
    public Response post(String signingName, URI endpoint, String path, String contentType, byte[] body,
                         Function<Response, String> errorCode) throws AwsCallException {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Type", contentType);
        return call(signingName, request, ContentStreamProvider.fromByteArrayUnsafe(body), body.length, errorCode);
    }

    /** Sends a request with an optional body (null for none) and returns the whole answer of a 2xx status. */
    public Response call(String signingName, SdkHttpFullRequest.Builder request, ContentStreamProvider body,
                         long contentLength, Function<Response, String> errorCode) throws AwsCallException {
        try (Streamed answer = open(signingName, request, body, contentLength, errorCode)) {
            return new Response(answer.status(), answer.headers(), answer.body().readAllBytes());
        } catch (IOException e) {
            throw new AwsCallException(signingName, 0, null, true, e);
        }
    }

    /**
     * Sends a request and hands over the answer's body as a stream (the caller closes it) when the status is 2xx;
     * any other answer is read, closed and thrown as an {@link AwsCallException}.
     */
    public Streamed open(String signingName, SdkHttpFullRequest.Builder request, ContentStreamProvider body,
                         long contentLength, Function<Response, String> errorCode) throws AwsCallException {
        String invocation = UUID.randomUUID().toString();
        if (body != null) {
            request.putHeader("Content-Length", Long.toString(contentLength));
        }
        request.putHeader("amz-sdk-invocation-id", invocation);
        for (int attempt = 1; ; attempt++) {
            request.putHeader("amz-sdk-request", "attempt=" + attempt + "; max=" + MAX_ATTEMPTS);
            HttpExecuteResponse answer;
            try {
                answer = send(signingName, request.build(), body);
            } catch (IOException e) {
                if (attempt < MAX_ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw new AwsCallException(signingName, 0, null, true, e);
            }
            int status = answer.httpResponse().statusCode();
            Map<String, List<String>> headers = answer.httpResponse().headers();
            AbortableInputStream stream = answer.responseBody().orElseGet(AbortableInputStream::createEmpty);
            if (status / 100 == 2) {
                return new Streamed(status, headers, stream);
            }
            byte[] bytes;
            try (InputStream in = stream) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                bytes = new byte[0];
            }
            String code = errorCode.apply(new Response(status, headers, bytes));
            boolean retryable = ProviderErrors.retryable(status, code);
            if (!retryable || attempt >= MAX_ATTEMPTS) {
                throw new AwsCallException(signingName, status, code, retryable, null);
            }
            pause(attempt);
        }
    }

    /** A presigned URL for {@code request} (a GET), valid for {@code validFor}: signature in the query string. */
    public URI presign(String signingName, SdkHttpFullRequest request, Duration validFor) {
        SignedRequest signed = signer.sign(r -> properties(r, signingName, request, null)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, validFor));
        return signed.request().getUri();
    }

    private HttpExecuteResponse send(String signingName, SdkHttpFullRequest request, ContentStreamProvider body)
            throws IOException {
        SignedRequest signed = signer.sign(r -> properties(r, signingName, request, body));
        return http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
    }

    /**
     * The signer's settings. S3 signs paths as they are (no double encoding, no normalising) and, as the SDK does for
     * S3, leaves the payload unsigned ({@code UNSIGNED-PAYLOAD}), so a file is streamed once rather than hashed first.
     */
    private SignRequest.Builder<AwsCredentialsIdentity> properties(SignRequest.Builder<AwsCredentialsIdentity> r,
            String signingName, SdkHttpFullRequest request, ContentStreamProvider body) {
        boolean s3 = "s3".equals(signingName);
        r.identity(credentials.resolveCredentials())
                .request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id());
        if (body != null) {
            r.payload(body);
        }
        if (s3) {
            r.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false);
        }
        return r;
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

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    /** A service's answer: status, headers and the whole body. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            return SignedRequests.header(headers, name);
        }
    }

    /** A 2xx answer whose body is still to be read; closing it closes the connection's stream. */
    public record Streamed(int status, Map<String, List<String>> headers, InputStream body) implements AutoCloseable {

        public Optional<String> header(String name) {
            return SignedRequests.header(headers, name);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** A call that failed for good: the HTTP status (0 if none came), the service's error code and whether a later try may succeed. */
    public static final class AwsCallException extends Exception {

        private static final long serialVersionUID = 1L;
        private final int status;
        private final String errorCode;
        private final boolean retryable;

        public AwsCallException(String service, int status, String errorCode, boolean retryable) {
            this(service, status, errorCode, retryable, null);
        }

        public AwsCallException(String service, int status, String errorCode, boolean retryable, Throwable cause) {
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
