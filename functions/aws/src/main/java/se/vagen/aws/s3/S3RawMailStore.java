package se.vagen.aws.s3;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.messaging.RawMailStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads raw inbound e-mail (as SES receiving stored it) from the inbound-mail bucket ({@code vagen.buckets.inbound-mail}).
 * Only that bucket is read, whatever a notification names; a message over {@link #MAX_BYTES} is not a check-in reply
 * and is not read.
 */
@Singleton
@Requires(classes = S3Client.class)
public class S3RawMailStore implements RawMailStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3RawMailStore.class);
    /** Replies are a few kilobytes; anything this large is dropped unread (attachments, spam). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;

    public S3RawMailStore(S3Client s3, @Nullable @Value("${vagen.buckets.inbound-mail:}") String bucket) {
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
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(objectKey))) {
            Long length = in.response().contentLength();
            if (length != null && length > MAX_BYTES) {
                LOG.warn("inbound mail too large ({} bytes); dropped", length);
                return Optional.empty();
            }
            byte[] bytes = readAtMost(in, MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                LOG.warn("inbound mail too large; dropped");
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (NoSuchKeyException e) {
            LOG.warn("inbound mail object not found; dropped");
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read inbound mail object", e);
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }
}
