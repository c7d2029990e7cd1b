package se.vagen.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SDK's SES v2 client, where the SES v2 module is on the class path (the local stack's tests use it to send raw
 * mail to the outbox). Functions do not carry it: {@link se.vagen.aws.ses.SesEmailSender} signs its one call itself.
 */
@Factory
@Requires(classes = SesV2Client.class)
public class SesClientFactory {

    @Singleton
    SesV2Client ses(ClientSetup setup) {
        return setup.configure(SesV2Client.builder(), setup.settings().sesEndpoint()).build();
    }
}
