package se.vagen.aws.s3;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vagen.aws.AwsSettings;
import se.vagen.aws.SignedRequests;
import se.vagen.aws.SignedRequests.AwsCallException;
import se.vagen.aws.SignedRequests.Response;
import se.vagen.aws.SignedRequests.Streamed;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The S3 operations Vägen uses, as signed REST calls ({@link SignedRequests}) instead of the SDK's S3 module (4.6 MB
 * of an artifact; docs/performance.md): PutObject from a file, the multipart upload of a large file, GetObject as a
 * stream and a presigned GET. In AWS objects are addressed virtual-host style
 * ({@code https://bucket.s3.region.amazonaws.com/key}); with an endpoint override (S3Mock locally) path style.
 * Failures are {@link AwsCallException}s carrying S3's error code ({@code NoSuchKey}, {@code AccessDenied}, ...).
 */
@Singleton
public class S3Objects {

    private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]{1,1024})</UploadId>");

    private final SignedRequests aws;
    private final URI endpoint;
    private final URI presignEndpoint;

    @Inject
    public S3Objects(SignedRequests aws, AwsSettings settings) {
        this(aws, settings.s3Endpoint(), settings.s3PresignEndpoint());
    }

    /**
     * @param endpoint S3's endpoint override (path-style addressing), or null for S3 itself
     * @param presignEndpoint where presigned links point, when it differs from {@code endpoint}; else null
     */
    public S3Objects(SignedRequests aws, URI endpoint, URI presignEndpoint) {
        this.aws = aws;
        this.endpoint = endpoint;
        this.presignEndpoint = presignEndpoint;
    }

    /** PutObject, streaming the file (its length is known, so no chunked upload). */
    public void put(String bucket, String key, String contentType, Path file) throws AwsCallException {
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot read the size of the file to upload", e);
        }
        aws.call("s3", request(SdkHttpMethod.PUT, endpoint, bucket, key).putHeader("Content-Type", contentType),
                ContentStreamProvider.fromInputStreamSupplier(() -> open(file)), size, S3Objects::errorCode);
    }

    /** CreateMultipartUpload; returns the upload id. */
    public String createMultipartUpload(String bucket, String key, String contentType) throws AwsCallException {
        Response answer = aws.call("s3", request(SdkHttpMethod.POST, endpoint, bucket, key)
                .putRawQueryParameter("uploads", "")
                .putHeader("Content-Type", contentType),
                ContentStreamProvider.fromByteArrayUnsafe(new byte[0]), 0, S3Objects::errorCode);
        Matcher id = UPLOAD_ID.matcher(new String(answer.body(), StandardCharsets.UTF_8));
        if (!id.find()) {
            throw new AwsCallException("s3", answer.status(), "NoUploadId", false);
        }
        return unescape(id.group(1));
    }

    /** UploadPart of the buffer's remaining bytes; returns the part's ETag. */
    public String uploadPart(String bucket, String key, String uploadId, int partNumber, ByteBuffer part)
            throws AwsCallException {
        byte[] bytes = new byte[part.remaining()];
        part.duplicate().get(bytes);
        Response answer = aws.call("s3", request(SdkHttpMethod.PUT, endpoint, bucket, key)
                        .putRawQueryParameter("partNumber", Integer.toString(partNumber))
                        .putRawQueryParameter("uploadId", uploadId),
                ContentStreamProvider.fromByteArrayUnsafe(bytes), bytes.length, S3Objects::errorCode);
        return answer.header("ETag").orElseThrow(() -> new AwsCallException("s3", answer.status(), "NoETag", false));
    }

    /** CompleteMultipartUpload with the parts' ETags in part-number order (S3 may answer 200 with an error in the body). */
    public void completeMultipartUpload(String bucket, String key, String uploadId, List<String> etags)
            throws AwsCallException {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (int i = 0; i < etags.size(); i++) {
            xml.append("<Part><ETag>").append(escape(etags.get(i))).append("</ETag><PartNumber>").append(i + 1)
                    .append("</PartNumber></Part>");
        }
        byte[] body = xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
        Response answer = aws.call("s3", request(SdkHttpMethod.POST, endpoint, bucket, key)
                        .putRawQueryParameter("uploadId", uploadId)
                        .putHeader("Content-Type", "application/xml"),
                ContentStreamProvider.fromByteArrayUnsafe(body), body.length, S3Objects::errorCode);
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        if (text.contains("<Error>")) {
            String code = errorCode(answer);
            throw new AwsCallException("s3", answer.status(), code, code != null && code.equals("InternalError"));
        }
    }

    /** AbortMultipartUpload, so no parts are left behind (and billed) after a failed upload. */
    public void abortMultipartUpload(String bucket, String key, String uploadId) throws AwsCallException {
        aws.call("s3", request(SdkHttpMethod.DELETE, endpoint, bucket, key).putRawQueryParameter("uploadId", uploadId),
                null, 0, S3Objects::errorCode);
    }

    /** GetObject as a stream (the caller closes it; {@code Content-Length} in its headers); empty if there is no such key. */
    public Optional<Streamed> get(String bucket, String key) throws AwsCallException {
        try {
            return Optional.of(aws.open("s3", request(SdkHttpMethod.GET, endpoint, bucket, key), null, 0,
                    S3Objects::errorCode));
        } catch (AwsCallException e) {
            if (e.status() == 404 && "NoSuchKey".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A presigned GET valid for {@code validFor}, optionally asking S3 to answer with this Content-Disposition. */
    public URI presignGet(String bucket, String key, Duration validFor, String contentDisposition) {
        SdkHttpFullRequest.Builder request = request(SdkHttpMethod.GET,
                presignEndpoint != null ? presignEndpoint : endpoint, bucket, key);
        if (contentDisposition != null) {
            request.putRawQueryParameter("response-content-disposition", contentDisposition);
        }
        return aws.presign("s3", request.build(), validFor);
    }

    private SdkHttpFullRequest.Builder request(SdkHttpMethod method, URI override, String bucket, String key) {
        String path = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(method);
        if (override != null) {
            return request.uri(override).encodedPath("/" + SdkHttpUtils.urlEncode(bucket) + path);
        }
        String host = "s3." + aws.region().id() + "." + PartitionMetadata.of(aws.region()).dnsSuffix();
        if (bucket.contains(".")) {
            // a dotted bucket name does not match S3's wildcard certificate as a host name
            return request.uri(URI.create("https://" + host)).encodedPath("/" + bucket + path);
        }
        return request.uri(URI.create("https://" + bucket + "." + host)).encodedPath(path);
    }

    private static java.io.InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot open the file to upload", e);
        }
    }

    /** S3's error code from an XML error body; {@code NoSuchKey} for a body-less 404 (as S3 answers a HEAD); else null. */
    static String errorCode(Response response) {
        Matcher code = CODE.matcher(new String(response.body(), StandardCharsets.UTF_8));
        if (code.find()) {
            return code.group(1);
        }
        return response.status() == 404 ? "NoSuchKey" : null;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
