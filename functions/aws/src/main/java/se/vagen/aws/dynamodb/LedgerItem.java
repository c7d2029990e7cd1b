package se.vagen.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** One exactly-once entry in IdempotencyTable: CLAIMED, then SENT or FAILED. No personal data. */
@DynamoDbBean
public class LedgerItem {
    private String key;
    private String status;
    private String claimedAt;
    /** When the claim was written (wall clock, epoch milliseconds): the lease is measured from it. claimedAt is the run's as-of instant. */
    private Long claimedAtMillis;
    private String sentAt;
    private String failedAt;
    private String reason;
    private Long expiresAt;

    @DynamoDbPartitionKey
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getClaimedAt() { return claimedAt; }
    public void setClaimedAt(String claimedAt) { this.claimedAt = claimedAt; }
    public Long getClaimedAtMillis() { return claimedAtMillis; }
    public void setClaimedAtMillis(Long claimedAtMillis) { this.claimedAtMillis = claimedAtMillis; }
    public String getSentAt() { return sentAt; }
    public void setSentAt(String sentAt) { this.sentAt = sentAt; }
    public String getFailedAt() { return failedAt; }
    public void setFailedAt(String failedAt) { this.failedAt = failedAt; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
}
