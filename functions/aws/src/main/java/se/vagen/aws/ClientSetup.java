package se.vagen.aws;

import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every SDK client shares: region, credentials, the url-connection HTTP client and, locally, the endpoint.
 */
@Singleton
public class ClientSetup {

    private final AwsSettings settings;
    private final SdkHttpClient httpClient = UrlConnectionHttpClient.create();
    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();

    public ClientSetup(AwsSettings settings) {
        this.settings = settings;
    }

    /** Applies region, credentials, HTTP client and an endpoint override (null in AWS). */
    public <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, URI endpoint) {
        builder.region(region()).credentialsProvider(credentials).httpClient(httpClient);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    public AwsSettings settings() {
        return settings;
    }

    /** The url-connection client every SDK client and {@link SignedRequests} share. */
    public SdkHttpClient httpClient() {
        return httpClient;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public Region region() {
        String configured = settings.region();
        if (configured != null && !configured.isBlank()) {
            return Region.of(configured);
        }
        String fromEnvironment = System.getenv("AWS_REGION");
        return Region.of(fromEnvironment == null || fromEnvironment.isBlank() ? "eu-north-1" : fromEnvironment);
    }
}
