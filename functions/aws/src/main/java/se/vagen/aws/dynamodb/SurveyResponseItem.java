package se.vagen.aws.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One anonymous survey response in SurveyResponsesTable (PK year, SK responseId = a random UUID that is derived
 * from nothing). Deliberately no contact, orgNumber, invitation id, token or time - not even a TTL attribute,
 * whose value could give the submission time away.
 */
@DynamoDbBean
public class SurveyResponseItem {
    private String year;
    private String responseId;
    private String industry;
    private String sizeBand;
    private Map<String, Integer> scores;
    private List<String> dontKnow;
    private String comment;
    private Boolean wouldRecommend;

    @DynamoDbPartitionKey
    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    @DynamoDbSortKey
    public String getResponseId() { return responseId; }
    public void setResponseId(String responseId) { this.responseId = responseId; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getSizeBand() { return sizeBand; }
    public void setSizeBand(String sizeBand) { this.sizeBand = sizeBand; }
    public Map<String, Integer> getScores() { return scores; }
    public void setScores(Map<String, Integer> scores) { this.scores = scores; }
    public List<String> getDontKnow() { return dontKnow; }
    public void setDontKnow(List<String> dontKnow) { this.dontKnow = dontKnow; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public Boolean getWouldRecommend() { return wouldRecommend; }
    public void setWouldRecommend(Boolean wouldRecommend) { this.wouldRecommend = wouldRecommend; }
}
