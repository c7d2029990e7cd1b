package se.vagen.aws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;

/**
 * Where the SDK clients point. In AWS every endpoint is null (the SDK's default for the region);
 * the local stack and the tests set them to DynamoDB Local, S3Mock and the outbox.
 * Environment variables map as usual: VAGEN_AWS_DYNAMODB_ENDPOINT -> vagen.aws.dynamodb-endpoint.
 * {@code s3PresignEndpoint} is where download links point when it differs from the S3 endpoint (the local
 * stack puts a gate in front of S3Mock that refuses expired links, as S3 does); null means the S3 endpoint.
 */
@ConfigurationProperties("vagen.aws")
public record AwsSettings(
        @Nullable String region,
        @Nullable URI dynamodbEndpoint,
        @Nullable URI s3Endpoint,
        @Nullable URI s3PresignEndpoint,
        @Nullable URI sesEndpoint,
        @Nullable URI snsEndpoint) {
}
