package se.vagen.aws.s3;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.vagen.forum.ListStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The lists bucket ({@code vagen.buckets.lists}). Files are streamed from disk: one PutObject up to
 * {@value #MULTIPART_FROM} bytes, a multipart upload in {@value #PART_SIZE}-byte parts above (so a large list
 * never has to fit in memory). Download links are presigned GETs that save the file under its own name.
 */
@Singleton
@Requires(classes = S3Client.class)
public class S3ListStore implements ListStore {

    static final long MULTIPART_FROM = 32L * 1024 * 1024;
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ListStore(S3Client s3, S3Presigner presigner, @Value("${vagen.buckets.lists:}") String bucket) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("Lists bucket not configured: set vagen.buckets.lists");
        }
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        long size = Files.size(file);
        try {
            if (size < MULTIPART_FROM) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
            } else {
                multipart(key, file, contentType);
            }
        } catch (SdkException e) {
            throw new IOException("Upload of " + key + " to the lists bucket failed", e);
        }
    }

    private void multipart(String key, Path file, String contentType) throws IOException {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.allocate(PART_SIZE);
            for (int part = 1; ; part++) {
                buffer.clear();
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // fill one part
                }
                if (buffer.position() == 0) {
                    break;
                }
                buffer.flip();
                int number = part;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        RequestBody.fromByteBuffer(buffer)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (IOException | SdkException e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("Reading " + key + " from the lists bucket failed", e);
        }
    }

    @Override
    public URI downloadLink(String key, Duration validFor, String fileName) {
        String disposition = "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
        try {
            return presigner.presignGetObject(p -> p.signatureDuration(validFor)
                    .getObjectRequest(g -> g.bucket(bucket).key(key).responseContentDisposition(disposition)))
                    .url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The presigner returned an invalid URL", e);
        }
    }
}
