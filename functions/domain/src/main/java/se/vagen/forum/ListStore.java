package se.vagen.forum;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the list files live (in AWS: the lists bucket). Keys look like {@code forum/2026-W48/vagen-forum-2026-W48.csv}. */
public interface ListStore {

    /** Stores (or replaces) the file under the key, streaming it from disk. */
    void put(String key, Path file, String contentType) throws IOException;

    /** Opens the stored file, or empty when there is none. The caller closes the stream. */
    Optional<InputStream> open(String key) throws IOException;

    /** A link that downloads the file for {@code validFor}, saved under {@code fileName}. */
    URI downloadLink(String key, Duration validFor, String fileName);
}
