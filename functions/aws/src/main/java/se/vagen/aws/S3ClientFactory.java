package se.vagen.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SDK's S3 client and presigner, where the S3 module is on the class path (the local stack uses them for its own
 * checks and test data). Functions do not carry the module: {@link se.vagen.aws.s3.S3Objects} signs their few calls.
 */
@Factory
@Requires(classes = S3Client.class)
public class S3ClientFactory {

    @Singleton
    S3Client s3(ClientSetup setup) {
        boolean local = setup.settings().s3Endpoint() != null;
        // Path-style addressing for S3Mock; virtual-host style (the default) in AWS.
        return setup.configure(S3Client.builder(), setup.settings().s3Endpoint()).forcePathStyle(local).build();
    }

    @Singleton
    S3Presigner s3Presigner(ClientSetup setup) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(setup.region())
                .credentialsProvider(setup.credentials());
        URI endpoint = setup.settings().s3PresignEndpoint() != null
                ? setup.settings().s3PresignEndpoint() : setup.settings().s3Endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }
}
