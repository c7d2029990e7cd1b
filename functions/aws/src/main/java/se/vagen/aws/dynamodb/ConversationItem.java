package se.vagen.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** One chatbot conversation in ConversationsTable (no message text, no contact details). */
@DynamoDbBean
public class ConversationItem {
    private String aspirantId;
    private String cycle;
    private String channel;
    private Integer step;
    private Integer reasks;
    private String state;
    private String lastMessageId;
    private Long version;
    private String updatedAt;
    private Long expiresAt;

    @DynamoDbPartitionKey
    public String getAspirantId() { return aspirantId; }
    public void setAspirantId(String aspirantId) { this.aspirantId = aspirantId; }
    public String getCycle() { return cycle; }
    public void setCycle(String cycle) { this.cycle = cycle; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public Integer getStep() { return step; }
    public void setStep(Integer step) { this.step = step; }
    public Integer getReasks() { return reasks; }
    public void setReasks(Integer reasks) { this.reasks = reasks; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getLastMessageId() { return lastMessageId; }
    public void setLastMessageId(String lastMessageId) { this.lastMessageId = lastMessageId; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
}
