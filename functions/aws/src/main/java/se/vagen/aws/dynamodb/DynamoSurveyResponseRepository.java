package se.vagen.aws.dynamodb;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.TableNames;
import se.vagen.survey.SurveyAnswers;
import se.vagen.survey.SurveyResponse;
import se.vagen.survey.SurveyResponseRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Anonymous responses in SurveyResponsesTable. {@link #submit} is one TransactWriteItems: the invitation's
 * answered flag set on condition it is not set yet, and the response put under a fresh random id. DynamoDB applies
 * both or neither, so a response is stored exactly when its invitation turns answered.
 */
@Singleton
public class DynamoSurveyResponseRepository implements SurveyResponseRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoSurveyResponseRepository.class);
    private static final int ATTEMPTS = 8;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<SurveyResponseItem> table;
    private final DynamoDbTable<SurveyInvitationItem> invitations;

    public DynamoSurveyResponseRepository(DynamoDbEnhancedClient client, TableNames names,
                                          DynamoSurveyInvitationRepository invitations) {
        this.client = client;
        this.table = client.table(TableNames.required(names.surveyResponses(), "survey-responses"),
                TableSchema.fromBean(SurveyResponseItem.class));
        this.invitations = invitations.table();
    }

    @Override
    public boolean submit(String invitationId, SurveyResponse response) {
        SurveyInvitationItem answered = DynamoSurveyInvitationRepository.partial(response.year(), invitationId);
        answered.setAnswered(Boolean.TRUE);
        Expression notAnswered = Expression.builder()
                .expression("attribute_exists(#id) AND (attribute_not_exists(#a) OR #a = :no)")
                .expressionNames(Map.of("#id", "invitationId", "#a", "answered"))
                .expressionValues(Map.of(":no", AttributeValue.fromBool(false)))
                .build();
        SurveyResponseItem item = toItem(response);
        Expression fresh = Expression.builder().expression("attribute_not_exists(#r)")
                .expressionNames(Map.of("#r", "responseId")).build();
        TransactWriteItemsEnhancedRequest request = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(invitations, TransactUpdateItemEnhancedRequest.builder(SurveyInvitationItem.class)
                        .item(answered).ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY).conditionExpression(notAnswered).build())
                .addPutItem(table, TransactPutItemEnhancedRequest.builder(SurveyResponseItem.class)
                        .item(item).conditionExpression(fresh).build())
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request);
                return true;
            } catch (TransactionCanceledException e) {
                List<String> codes = e.hasCancellationReasons()
                        ? e.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
                if (codes.contains("ConditionalCheckFailed")) {
                    return false;
                }
                if (attempt >= ATTEMPTS || !(codes.contains("TransactionConflict") || codes.isEmpty())) {
                    throw e;
                }
                LOG.debug("survey submit conflict, attempt {}", attempt);
                pause(attempt);
            }
        }
    }

    @Override
    public List<SurveyResponse> forYear(String year) {
        return table.query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(year).build()))
                        .consistentRead(true))
                .items().stream().map(DynamoSurveyResponseRepository::fromItem).toList();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a survey submit", e);
        }
    }

    static SurveyResponseItem toItem(SurveyResponse r) {
        SurveyResponseItem item = new SurveyResponseItem();
        item.setYear(r.year());
        item.setResponseId(UUID.randomUUID().toString());
        item.setIndustry(r.industry());
        item.setSizeBand(r.sizeBand());
        item.setScores(Map.copyOf(r.answers().scores()));
        item.setDontKnow(r.answers().dontKnow().isEmpty() ? null : new ArrayList<>(r.answers().dontKnow()));
        item.setComment(r.answers().comment());
        item.setWouldRecommend(r.answers().wouldRecommend());
        return item;
    }

    static SurveyResponse fromItem(SurveyResponseItem item) {
        return new SurveyResponse(item.getYear(), item.getIndustry(), item.getSizeBand(), new SurveyAnswers(
                item.getScores() == null ? Map.of() : item.getScores(),
                item.getDontKnow() == null ? Set.of() : new HashSet<>(item.getDontKnow()),
                item.getComment(), item.getWouldRecommend()));
    }
}
