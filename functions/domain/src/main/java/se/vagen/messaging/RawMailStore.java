package se.vagen.messaging;

import java.util.Optional;

/** Where SES receiving puts inbound e-mail as raw MIME (the inbound-mail bucket). */
public interface RawMailStore {

    /** The raw message stored under {@code objectKey}, or empty when there is none (or it is too large to be a reply). */
    Optional<byte[]> read(String bucket, String objectKey);
}
