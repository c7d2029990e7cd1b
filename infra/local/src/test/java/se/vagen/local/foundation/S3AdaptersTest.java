package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagen.aws.SignedRequests;
import se.vagen.aws.s3.S3ListStore;
import se.vagen.aws.s3.S3Objects;
import se.vagen.aws.s3.S3RawMailStore;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The S3 adapters (signed REST calls, no S3 SDK module in the functions) against S3Mock: what they write the SDK's
 * client reads and the other way round, presigned links through the local stack's gate, multipart uploads,
 * missing keys, S3's error codes.
 */
class S3AdaptersTest {

    private static final String LISTS = "vagen-lists";
    private final VagenStack stack = VagenStack.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aListIsStoredReadBackAndDownloadedThroughAPresignedLink() throws Exception {
        S3ListStore store = stack.context().getBean(S3ListStore.class);
        String key = "test/" + UUID.randomUUID() + "/forum lista v48 (Åsa).csv";
        String csv = "vecka;namn\n2026-W48;Åsa\n";
        Path file = Files.writeString(dir.resolve("list.csv"), csv);
        store.put(key, file, "text/csv; charset=utf-8");

        assertEquals(csv, stack.s3().getObjectAsBytes(b -> b.bucket(LISTS).key(key)).asUtf8String(), "the SDK reads it");
        assertEquals("text/csv;charset=utf-8",
                stack.s3().headObject(b -> b.bucket(LISTS).key(key)).contentType().replace(" ", ""));
        try (InputStream in = store.open(key).orElseThrow()) {
            assertEquals(csv, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        URI link = store.downloadLink(key, Duration.ofMinutes(5), "forum lista v48 (Åsa).csv");
        assertTrue(link.getRawQuery().contains("X-Amz-Signature="), link.toString());
        HttpResponse<String> download = http.send(HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode(), download.body());
        assertEquals(csv, download.body());
        assertEquals("attachment; filename=\"forum_lista_v48___sa_.csv\"",
                download.headers().firstValue("Content-Disposition").orElse(null));
    }

    @Test
    void aMissingKeyIsEmptyAndAMissingBucketAnError() throws Exception {
        S3ListStore store = stack.context().getBean(S3ListStore.class);
        assertEquals(Optional.empty(), store.open("test/" + UUID.randomUUID() + "/none.csv"));

        S3ListStore nowhere = new S3ListStore(stack.context().getBean(S3Objects.class), "no-such-bucket-" + UUID.randomUUID());
        IOException failure = assertThrows(IOException.class, () -> nowhere.open("a.csv"));
        assertTrue(failure.getMessage().contains("NoSuchBucket"), failure.getMessage());
        IOException upload = assertThrows(IOException.class,
                () -> nowhere.put("a.csv", Files.writeString(dir.resolve("b.csv"), "b"), "text/csv"));
        assertTrue(upload.getMessage().contains("NoSuchBucket"), upload.getMessage());
    }

    @Test
    void aLargeFileGoesUpInParts() throws Exception {
        S3Objects objects = stack.context().getBean(S3Objects.class);
        S3ListStore store = new S3ListStore(objects, LISTS, 6L * 1024 * 1024, 5 * 1024 * 1024);
        byte[] bytes = new byte[12 * 1024 * 1024 + 123];
        new Random(48).nextBytes(bytes);
        Path file = Files.write(dir.resolve("big.xlsx"), bytes);
        String key = "test/" + UUID.randomUUID() + "/big.xlsx";
        store.put(key, file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        assertArrayEquals(bytes, stack.s3().getObjectAsBytes(b -> b.bucket(LISTS).key(key)).asByteArray());
        assertTrue(stack.s3().headObject(b -> b.bucket(LISTS).key(key)).eTag().contains("-3"), "three parts");
        assertTrue(stack.s3().listMultipartUploads(b -> b.bucket(LISTS).prefix(key)).uploads().isEmpty());
    }

    @Test
    void rawMailIsReadFromTheInboundBucketOnly() {
        String key = "inbound/" + UUID.randomUUID();
        String mime = "From: a@example.org\r\nSubject: Svar\r\n\r\n1\r\n";
        stack.s3().putObject(b -> b.bucket("vagen-inbound-mail").key(key), RequestBody.fromString(mime));
        S3RawMailStore mail = stack.context().getBean(S3RawMailStore.class);

        assertEquals(mime, new String(mail.read("vagen-inbound-mail", key).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), mail.read("another-bucket", key));
        assertEquals(Optional.empty(), mail.read("vagen-inbound-mail", key + "-missing"));
    }

    @Test
    void theAdapterSignsForTheRegionItIsGiven() {
        SignedRequests aws = stack.context().getBean(SignedRequests.class);
        URI link = new S3Objects(aws, null, null).presignGet("vagen-lists-prod", "forum/2026-W48.csv",
                Duration.ofMinutes(15), null);
        assertEquals("https", link.getScheme());
        assertEquals("vagen-lists-prod.s3." + aws.region().id() + ".amazonaws.com", link.getHost());
        assertEquals("/forum/2026-W48.csv", link.getRawPath());
        assertTrue(link.getRawQuery().contains("X-Amz-Expires=900"), link.toString());
        assertTrue(link.getRawQuery().contains("%2Fs3%2Faws4_request"), link.toString());
    }
}
