package se.vagen.aws.dynamodb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.checkin.RecentCheckIns;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * One cycle of the recent check-ins summary on the aspirant item (map attribute {@code recent}, keyed by cycle).
 * Short attribute names: the item is read by every page of the weekly list, and DynamoDB counts the names' bytes.
 * {@code st} status, {@code pa} participation, {@code wb} wellbeing, {@code h} help topics, {@code ft} has a free
 * text (the text itself is never copied), {@code d} the day answered (or opened), {@code rev} the check-in's revision.
 */
@DynamoDbBean
public class RecentEntryBean {

    private String status;
    private String participation;
    private Integer wellbeing;
    private List<String> help;
    private Boolean freeText;
    private String day;
    private Long rev;

    static RecentEntryBean from(RecentCheckIns.Entry e) {
        RecentEntryBean b = new RecentEntryBean();
        b.status = e.status().name();
        b.participation = e.participation() == null ? null : e.participation().name();
        b.wellbeing = e.wellbeing();
        b.help = e.helpNeeded().isEmpty() ? null : e.helpNeeded().stream().map(Enum::name).toList();
        b.freeText = e.freeText() ? Boolean.TRUE : null;
        b.day = e.day() == null ? null : e.day().toString();
        b.rev = e.rev();
        return b;
    }

    RecentCheckIns.Entry toEntry() {
        List<HelpTopic> topics = new ArrayList<>();
        if (help != null) {
            for (String h : help) {
                try {
                    topics.add(HelpTopic.valueOf(h));
                } catch (IllegalArgumentException e) {
                    // An unknown code from an older version is left out, as in the check-ins.
                }
            }
        }
        return new RecentCheckIns.Entry(status == null ? CheckInStatus.OPEN : CheckInStatus.valueOf(status),
                participation == null ? null : Participation.valueOf(participation), wellbeing, topics,
                Boolean.TRUE.equals(freeText), day == null ? null : LocalDate.parse(day), rev == null ? 0 : rev);
    }

    @DynamoDbAttribute("st")
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    @DynamoDbAttribute("pa")
    public String getParticipation() {
        return participation;
    }

    public void setParticipation(String participation) {
        this.participation = participation;
    }

    @DynamoDbAttribute("wb")
    public Integer getWellbeing() {
        return wellbeing;
    }

    public void setWellbeing(Integer wellbeing) {
        this.wellbeing = wellbeing;
    }

    @DynamoDbAttribute("h")
    public List<String> getHelp() {
        return help;
    }

    public void setHelp(List<String> help) {
        this.help = help;
    }

    @DynamoDbAttribute("ft")
    public Boolean getFreeText() {
        return freeText;
    }

    public void setFreeText(Boolean freeText) {
        this.freeText = freeText;
    }

    @DynamoDbAttribute("d")
    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    @DynamoDbAttribute("rev")
    public Long getRev() {
        return rev;
    }

    public void setRev(Long rev) {
        this.rev = rev;
    }
}
