package se.vagen.aws.s3;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.SignedRequests.AwsCallException;
import se.vagen.aws.SignedRequests.Streamed;
import se.vagen.forum.ListStore;

/**
 * The lists bucket ({@code vagen.buckets.lists}). Files are streamed from disk: one PutObject up to
 * {@value #MULTIPART_FROM} bytes, a multipart upload in {@value #PART_SIZE}-byte parts above (so a large list
 * never has to fit in memory). Download links are presigned GETs that save the file under its own name.
 */
@Singleton
public class S3ListStore implements ListStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3ListStore.class);
    static final long MULTIPART_FROM = 32L * 1024 * 1024;
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Objects s3;
    private final String bucket;
    private final long multipartFrom;
    private final int partSize;

    public S3ListStore(S3Objects s3, @Value("${vagen.buckets.lists:}") String bucket) {
        this(s3, bucket, MULTIPART_FROM, PART_SIZE);
    }

    /** With other multipart thresholds (S3 takes parts of at least 5 MiB, the last one excepted). */
    public S3ListStore(S3Objects s3, String bucket, long multipartFrom, int partSize) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("Lists bucket not configured: set vagen.buckets.lists");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.multipartFrom = multipartFrom;
        this.partSize = partSize;
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        long size = Files.size(file);
        try {
            if (size < multipartFrom) {
                s3.put(bucket, key, contentType, file);
            } else {
                multipart(key, file, contentType);
            }
        } catch (AwsCallException e) {
            throw new IOException("Upload of " + key + " to the lists bucket failed: " + e.errorCode(), e);
        }
    }

    private void multipart(String key, Path file, String contentType) throws IOException, AwsCallException {
        String uploadId = s3.createMultipartUpload(bucket, key, contentType);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<String> etags = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.allocate(partSize);
            for (int part = 1; ; part++) {
                buffer.clear();
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // fill one part
                }
                if (buffer.position() == 0) {
                    break;
                }
                buffer.flip();
                etags.add(s3.uploadPart(bucket, key, uploadId, part, buffer));
            }
            s3.completeMultipartUpload(bucket, key, uploadId, etags);
        } catch (IOException | AwsCallException e) {
            try {
                s3.abortMultipartUpload(bucket, key, uploadId);
            } catch (AwsCallException abort) {
                LOG.warn("Aborting the multipart upload of a list failed too: {}", abort.errorCode());
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return s3.get(bucket, key).map(Streamed::body);
        } catch (AwsCallException e) {
            throw new IOException("Reading " + key + " from the lists bucket failed: " + e.errorCode(), e);
        }
    }

    @Override
    public URI downloadLink(String key, Duration validFor, String fileName) {
        String disposition = "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
        return s3.presignGet(bucket, key, validFor, disposition);
    }
}
