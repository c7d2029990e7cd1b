package se.vagen.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** S3 client and presigner, for the functions that carry the S3 module. */
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
        if (setup.settings().s3Endpoint() != null) {
            builder.endpointOverride(setup.settings().s3Endpoint())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }
}
