package se.vagen.aws;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB clients, which every function uses. Other services have their own factory, defined only when
 * their SDK module is in the function's artifact. Beans are lazy (see the function handlers): a client is
 * built the first time something needs it.
 */
@Factory
public class AwsClientFactory {

    @Singleton
    DynamoDbClient dynamoDb(ClientSetup setup) {
        return setup.configure(DynamoDbClient.builder(), setup.settings().dynamodbEndpoint()).build();
    }

    @Singleton
    DynamoDbEnhancedClient dynamoDbEnhanced(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }
}
