package se.vagen.aws.dynamodb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.ActivityType;
import se.vagen.aspirant.PauseReason;
import se.vagen.aspirant.PlanPause;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnoreNulls;

/**
 * The activity plan as a nested DynamoDB map (not a JSON string): it stays readable in the console and in
 * PITR exports, and its fields could be used in expressions; the enhanced client maps it without hand code.
 */
@DynamoDbBean
public class PlanBean {

    private LocalDate start;
    private LocalDate end;
    private List<ActivityBean> activities;
    private List<PauseBean> pauses;

    public LocalDate getStart() {
        return start;
    }

    public void setStart(LocalDate start) {
        this.start = start;
    }

    public LocalDate getEnd() {
        return end;
    }

    public void setEnd(LocalDate end) {
        this.end = end;
    }

    @DynamoDbIgnoreNulls
    public List<ActivityBean> getActivities() {
        return activities;
    }

    public void setActivities(List<ActivityBean> activities) {
        this.activities = activities;
    }

    @DynamoDbIgnoreNulls
    public List<PauseBean> getPauses() {
        return pauses;
    }

    public void setPauses(List<PauseBean> pauses) {
        this.pauses = pauses;
    }

    static PlanBean from(ActivityPlan plan) {
        if (plan == null) {
            return null;
        }
        PlanBean bean = new PlanBean();
        bean.start = plan.start();
        bean.end = plan.end();
        bean.activities = new ArrayList<>();
        for (Activity a : plan.activities()) {
            ActivityBean ab = new ActivityBean();
            ab.setType(a.type().name());
            ab.setHoursPerWeek(a.hoursPerWeek());
            ab.setProvider(a.provider());
            ab.setStart(a.start());
            ab.setEnd(a.end());
            bean.activities.add(ab);
        }
        bean.pauses = new ArrayList<>();
        for (PlanPause p : plan.pauses()) {
            PauseBean pb = new PauseBean();
            pb.setStart(p.start());
            pb.setEnd(p.end());
            pb.setReason(p.reason().name());
            bean.pauses.add(pb);
        }
        return bean;
    }

    ActivityPlan toPlan() {
        List<Activity> list = new ArrayList<>();
        if (activities != null) {
            for (ActivityBean a : activities) {
                list.add(new Activity(ActivityType.valueOf(a.getType()), a.getHoursPerWeek() == null ? 0 : a.getHoursPerWeek(),
                        a.getProvider(), a.getStart(), a.getEnd()));
            }
        }
        List<PlanPause> pauseList = new ArrayList<>();
        if (pauses != null) {
            for (PauseBean p : pauses) {
                pauseList.add(new PlanPause(p.getStart(), p.getEnd(), PauseReason.valueOf(p.getReason())));
            }
        }
        return new ActivityPlan(start, end, list, pauseList);
    }

    /** One activity of the plan. */
    @DynamoDbBean
    public static class ActivityBean {
        private String type;
        private Double hoursPerWeek;
        private String provider;
        private LocalDate start;
        private LocalDate end;

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public Double getHoursPerWeek() {
            return hoursPerWeek;
        }

        public void setHoursPerWeek(Double hoursPerWeek) {
            this.hoursPerWeek = hoursPerWeek;
        }

        public String getProvider() {
            return provider;
        }

        public void setProvider(String provider) {
            this.provider = provider;
        }

        public LocalDate getStart() {
            return start;
        }

        public void setStart(LocalDate start) {
            this.start = start;
        }

        public LocalDate getEnd() {
            return end;
        }

        public void setEnd(LocalDate end) {
            this.end = end;
        }
    }

    /** One pause of the plan. */
    @DynamoDbBean
    public static class PauseBean {
        private LocalDate start;
        private LocalDate end;
        private String reason;

        public LocalDate getStart() {
            return start;
        }

        public void setStart(LocalDate start) {
            this.start = start;
        }

        public LocalDate getEnd() {
            return end;
        }

        public void setEnd(LocalDate end) {
            this.end = end;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }
}
