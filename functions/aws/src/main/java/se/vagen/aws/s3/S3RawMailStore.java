package se.vagen.aws.s3;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.SignedRequests.AwsCallException;
import se.vagen.aws.SignedRequests.Streamed;
import se.vagen.messaging.RawMailStore;

/**
 * Reads raw inbound e-mail (as SES receiving stored it) from the inbound-mail bucket ({@code vagen.buckets.inbound-mail}).
 * Only that bucket is read, whatever a notification names; a message over {@link #MAX_BYTES} is not a check-in reply
 * and is not read.
 */
@Singleton
public class S3RawMailStore implements RawMailStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3RawMailStore.class);
    /** Replies are a few kilobytes; anything this large is dropped unread (attachments, spam). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final S3Objects s3;
    private final String bucket;

    public S3RawMailStore(S3Objects s3, @Nullable @Value("${vagen.buckets.inbound-mail:}") String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<byte[]> read(String notifiedBucket, String objectKey) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("Bucket not configured: set vagen.buckets.inbound-mail");
        }
        if (notifiedBucket != null && !notifiedBucket.isBlank() && !bucket.equals(notifiedBucket)) {
            LOG.warn("inbound mail notification names another bucket; ignored");
            return Optional.empty();
        }
        if (objectKey == null || objectKey.isBlank() || objectKey.length() > 1024) {
            return Optional.empty();
        }
        Optional<Streamed> object;
        try {
            object = s3.get(bucket, objectKey);
        } catch (AwsCallException e) {
            throw new IllegalStateException("Could not read inbound mail object: " + e.errorCode(), e);
        }
        if (object.isEmpty()) {
            LOG.warn("inbound mail object not found; dropped");
            return Optional.empty();
        }
        try (Streamed in = object.get()) {
            Long length = in.header("Content-Length").map(S3RawMailStore::parseLength).orElse(null);
            if (length != null && length > MAX_BYTES) {
                LOG.warn("inbound mail too large ({} bytes); dropped", length);
                return Optional.empty();
            }
            byte[] bytes = readAtMost(in.body(), MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                LOG.warn("inbound mail too large; dropped");
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read inbound mail object", e);
        }
    }

    private static Long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }
}
