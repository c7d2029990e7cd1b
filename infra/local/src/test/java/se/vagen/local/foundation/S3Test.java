package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** S3Mock through the context's S3 client and presigner. */
class S3Test {

    private final VagenStack stack = VagenStack.shared();

    @Test
    void putGetAndAPresignedDownload() throws Exception {
        String key = "test/" + UUID.randomUUID() + ".csv";
        String csv = "vecka;namn\n2026-W48;Åsa\n";
        stack.s3().putObject(b -> b.bucket("vagen-lists").key(key).contentType("text/csv; charset=utf-8"),
                RequestBody.fromString(csv));
        assertEquals(csv, stack.s3().getObjectAsBytes(b -> b.bucket("vagen-lists").key(key)).asUtf8String());

        var presigned = stack.context().getBean(S3Presigner.class).presignGetObject(p -> p
                .signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket("vagen-lists").key(key)));
        HttpResponse<String> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(presigned.url().toURI()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode());
        assertEquals(csv, download.body());
    }

    @Test
    void theInboundMailBucketExists() {
        stack.s3().headBucket(b -> b.bucket("vagen-inbound-mail"));
    }
}
