package se.vagen.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sns.SnsClient;

/** SNS client, for the functions that send SMS (Publish to a phone number). */
@Factory
@Requires(classes = SnsClient.class)
public class SnsClientFactory {

    @Singleton
    SnsClient sns(ClientSetup setup) {
        return setup.configure(SnsClient.builder(), setup.settings().snsEndpoint()).build();
    }
}
