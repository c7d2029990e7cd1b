package se.vagen.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SES v2 client, for the functions that send e-mail. */
@Factory
@Requires(classes = SesV2Client.class)
public class SesClientFactory {

    @Singleton
    SesV2Client ses(ClientSetup setup) {
        return setup.configure(SesV2Client.builder(), setup.settings().sesEndpoint()).build();
    }
}
