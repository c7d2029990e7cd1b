package se.vagen.aws.dynamodb;

import java.util.List;
import se.vagen.checkin.CheckIn;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One check-in in CheckInsTable (aspirantId, cycle). Answers are written one at a time by UpdateItem, so every
 * answer attribute may be absent. {@code formAnsweredAt} is set once, when the web form was posted for the cycle.
 * {@code rev} is added one by every write.
 */
@DynamoDbBean
public class CheckInItem {
    private String aspirantId;
    private String cycle;
    private String status;
    private String channel;
    private Boolean viaForm;
    private String participation;
    private Integer wellbeing;
    private List<String> helpNeeded;
    private String freeText;
    private String openedAt;
    private String answeredAt;
    private String formAnsweredAt;
    private String missedAt;
    private Integer remindersSent;
    private Long expiresAt;
    private Long rev;

    /** The item's fields from a check-in; the caller sets {@code rev} and {@code expiresAt}. */
    static CheckInItem from(CheckIn c) {
        CheckInItem item = new CheckInItem();
        item.setAspirantId(c.aspirantId());
        item.setCycle(c.cycle());
        item.setStatus(c.status().name());
        item.setChannel(c.channel() == null ? null : c.channel().code());
        item.setViaForm(c.viaForm());
        item.setParticipation(c.participation() == null ? null : c.participation().name());
        item.setWellbeing(c.wellbeing());
        item.setHelpNeeded(c.helpNeeded().isEmpty() ? null : c.helpNeeded().stream().map(Enum::name).toList());
        item.setFreeText(c.freeText());
        item.setOpenedAt(c.openedAt() == null ? null : c.openedAt().toString());
        item.setAnsweredAt(c.answeredAt() == null ? null : c.answeredAt().toString());
        item.setRemindersSent(c.remindersSent());
        return item;
    }

    @DynamoDbPartitionKey
    public String getAspirantId() { return aspirantId; }
    public void setAspirantId(String aspirantId) { this.aspirantId = aspirantId; }
    @DynamoDbSortKey
    public String getCycle() { return cycle; }
    public void setCycle(String cycle) { this.cycle = cycle; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public Boolean getViaForm() { return viaForm; }
    public void setViaForm(Boolean viaForm) { this.viaForm = viaForm; }
    public String getParticipation() { return participation; }
    public void setParticipation(String participation) { this.participation = participation; }
    public Integer getWellbeing() { return wellbeing; }
    public void setWellbeing(Integer wellbeing) { this.wellbeing = wellbeing; }
    public List<String> getHelpNeeded() { return helpNeeded; }
    public void setHelpNeeded(List<String> helpNeeded) { this.helpNeeded = helpNeeded; }
    public String getFreeText() { return freeText; }
    public void setFreeText(String freeText) { this.freeText = freeText; }
    public String getOpenedAt() { return openedAt; }
    public void setOpenedAt(String openedAt) { this.openedAt = openedAt; }
    public String getAnsweredAt() { return answeredAt; }
    public void setAnsweredAt(String answeredAt) { this.answeredAt = answeredAt; }
    public String getFormAnsweredAt() { return formAnsweredAt; }
    public void setFormAnsweredAt(String formAnsweredAt) { this.formAnsweredAt = formAnsweredAt; }
    public String getMissedAt() { return missedAt; }
    public void setMissedAt(String missedAt) { this.missedAt = missedAt; }
    public Integer getRemindersSent() { return remindersSent; }
    public void setRemindersSent(Integer remindersSent) { this.remindersSent = remindersSent; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
    /** Counts the writes of this check-in; its entry in the aspirant's recent summary carries the rev it shows. */
    public Long getRev() { return rev; }
    public void setRev(Long rev) { this.rev = rev; }
}
