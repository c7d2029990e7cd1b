package se.vagen.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One survey invitation in SurveyInvitationsTable (PK year, SK invitationId). Also, under year = "OPTOUT" and
 * invitationId = SHA-256 of a lower-case e-mail, an address that wants no more survey e-mails (no other
 * attribute). Wrapper types so partial updates (ignoreNulls) touch only what is set.
 */
@DynamoDbBean
public class SurveyInvitationItem {
    private String year;
    private String invitationId;
    private String orgNumber;
    private String email;
    private String industry;
    private String sizeBand;
    private String invitedAt;
    private Integer remindersSent;
    private String lastReminderOn;
    private Boolean answered;
    private Boolean optedOut;
    private Long expiresAt;

    @DynamoDbPartitionKey
    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    @DynamoDbSortKey
    public String getInvitationId() { return invitationId; }
    public void setInvitationId(String invitationId) { this.invitationId = invitationId; }
    public String getOrgNumber() { return orgNumber; }
    public void setOrgNumber(String orgNumber) { this.orgNumber = orgNumber; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getSizeBand() { return sizeBand; }
    public void setSizeBand(String sizeBand) { this.sizeBand = sizeBand; }
    public String getInvitedAt() { return invitedAt; }
    public void setInvitedAt(String invitedAt) { this.invitedAt = invitedAt; }
    public Integer getRemindersSent() { return remindersSent; }
    public void setRemindersSent(Integer remindersSent) { this.remindersSent = remindersSent; }
    public String getLastReminderOn() { return lastReminderOn; }
    public void setLastReminderOn(String lastReminderOn) { this.lastReminderOn = lastReminderOn; }
    public Boolean getAnswered() { return answered; }
    public void setAnswered(Boolean answered) { this.answered = answered; }
    public Boolean getOptedOut() { return optedOut; }
    public void setOptedOut(Boolean optedOut) { this.optedOut = optedOut; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
}
