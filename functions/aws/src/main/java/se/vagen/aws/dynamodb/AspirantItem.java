package se.vagen.aws.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.aspirant.Profile;
import se.vagen.checkin.RecentCheckIns;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.validation.EmailAddresses;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnoreNulls;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * An aspirant in AspirantsTable. Index attributes (template.yaml): {@code phone} (byPhone), {@code emailKey}
 * = lower-case e-mail (byEmail), {@code listKey} = "ALL" + {@code nameKey} = sortable name + "#" + id
 * (byName), {@code planShard} = CRC32(id) mod 8 + {@code planEnd} (byPlanEnd). An erased aspirant keeps none
 * of them, so it drops out of every index. {@code recent}, {@code recentSince}, {@code recentRev}: the summary of the
 * newest check-ins that the weekly list reads (template.yaml, AspirantsTable pattern 7; written by
 * {@link RecentCheckInsWriter}, carried over by a save, dropped by erasure).
 */
@DynamoDbBean
public class AspirantItem {

    static final String LIST_KEY = "ALL";

    private String id;
    private String name;
    private String phone;
    private String email;
    private String emailKey;
    private String listKey;
    private String nameKey;
    private String planShard;
    private String planEnd;
    private String language;
    private String channel;
    private String ownerRole;
    private String cadence;
    private Boolean smsOptOut;
    private Boolean emailOptOut;
    private PlanBean plan;
    private ProfileBean profile;
    private Integer missedCheckIns;
    private Boolean erased;
    private Instant createdAt;
    private Instant updatedAt;
    private Map<String, RecentEntryBean> recent;
    private String recentSince;
    private Long recentRev;

    /** The plan shard of an aspirant id: stable across JVMs and languages (CRC32 of the UTF-8 bytes). */
    public static int shardOf(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % AspirantRepository.PLAN_SHARDS);
    }

    static AspirantItem from(Aspirant a) {
        AspirantItem item = new AspirantItem();
        item.id = a.id();
        item.name = a.name();
        item.phone = a.erased() ? null : a.phone();
        item.email = a.email();
        item.emailKey = a.erased() ? null : EmailAddresses.key(a.email());
        if (!a.erased()) {
            item.listKey = LIST_KEY;
            item.nameKey = NameKeys.sortable(a.name()) + "#" + a.id();
            if (a.plan() != null) {
                item.planShard = String.valueOf(shardOf(a.id()));
                item.planEnd = a.plan().end().toString();
            }
        }
        item.language = a.language() == null ? null : a.language().code();
        item.channel = a.channel() == null ? null : a.channel().code();
        item.ownerRole = a.ownerRole();
        item.cadence = a.cadence().name();
        item.smsOptOut = a.optedOut().sms();
        item.emailOptOut = a.optedOut().email();
        item.plan = PlanBean.from(a.plan());
        item.profile = ProfileBean.from(a.profile());
        item.missedCheckIns = a.missedCheckIns();
        item.erased = a.erased();
        item.createdAt = a.createdAt();
        item.updatedAt = a.updatedAt();
        return item;
    }

    /** The recent check-ins summary stored on the item, or null when it has none. */
    RecentCheckIns toRecent() {
        if (recent == null) {
            return null;
        }
        TreeMap<String, RecentCheckIns.Entry> entries = new TreeMap<>();
        recent.forEach((cycle, bean) -> entries.put(cycle, bean.toEntry()));
        return new RecentCheckIns(recentSince, entries);
    }

    /** Sets the summary attributes (not the revision). */
    void setRecentCheckIns(RecentCheckIns r) {
        Map<String, RecentEntryBean> map = new HashMap<>();
        r.entries().forEach((cycle, e) -> map.put(cycle, RecentEntryBean.from(e)));
        recent = map;
        recentSince = r.since();
    }

    Aspirant toAspirant() {
        return new Aspirant(id, name, phone, email,
                language == null ? null : Language.fromCode(language).orElse(null),
                channel == null ? null : Channel.fromCode(channel).orElse(null),
                ownerRole,
                cadence == null ? Cadence.WEEKLY : Cadence.valueOf(cadence),
                new OptOuts(Boolean.TRUE.equals(smsOptOut), Boolean.TRUE.equals(emailOptOut)),
                plan == null ? null : plan.toPlan(),
                profile == null ? Profile.EMPTY : profile.toProfile(),
                missedCheckIns == null ? 0 : missedCheckIns,
                Boolean.TRUE.equals(erased),
                createdAt, updatedAt);
    }

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "byPhone")
    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "byEmail")
    public String getEmailKey() {
        return emailKey;
    }

    public void setEmailKey(String emailKey) {
        this.emailKey = emailKey;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "byName")
    public String getListKey() {
        return listKey;
    }

    public void setListKey(String listKey) {
        this.listKey = listKey;
    }

    @DynamoDbSecondarySortKey(indexNames = "byName")
    public String getNameKey() {
        return nameKey;
    }

    public void setNameKey(String nameKey) {
        this.nameKey = nameKey;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "byPlanEnd")
    public String getPlanShard() {
        return planShard;
    }

    public void setPlanShard(String planShard) {
        this.planShard = planShard;
    }

    @DynamoDbSecondarySortKey(indexNames = "byPlanEnd")
    public String getPlanEnd() {
        return planEnd;
    }

    public void setPlanEnd(String planEnd) {
        this.planEnd = planEnd;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getOwnerRole() {
        return ownerRole;
    }

    public void setOwnerRole(String ownerRole) {
        this.ownerRole = ownerRole;
    }

    public String getCadence() {
        return cadence;
    }

    public void setCadence(String cadence) {
        this.cadence = cadence;
    }

    public Boolean getSmsOptOut() {
        return smsOptOut;
    }

    public void setSmsOptOut(Boolean smsOptOut) {
        this.smsOptOut = smsOptOut;
    }

    public Boolean getEmailOptOut() {
        return emailOptOut;
    }

    public void setEmailOptOut(Boolean emailOptOut) {
        this.emailOptOut = emailOptOut;
    }

    @DynamoDbIgnoreNulls
    public PlanBean getPlan() {
        return plan;
    }

    public void setPlan(PlanBean plan) {
        this.plan = plan;
    }

    @DynamoDbIgnoreNulls
    public ProfileBean getProfile() {
        return profile;
    }

    public void setProfile(ProfileBean profile) {
        this.profile = profile;
    }

    public Integer getMissedCheckIns() {
        return missedCheckIns;
    }

    public void setMissedCheckIns(Integer missedCheckIns) {
        this.missedCheckIns = missedCheckIns;
    }

    public Boolean getErased() {
        return erased;
    }

    public void setErased(Boolean erased) {
        this.erased = erased;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** Recent check-ins by cycle (see {@link RecentEntryBean}); null for an aspirant made before it existed. */
    @DynamoDbIgnoreNulls
    public Map<String, RecentEntryBean> getRecent() {
        return recent;
    }

    public void setRecent(Map<String, RecentEntryBean> recent) {
        this.recent = recent;
    }

    /** The summary holds every check-in of the cycles from this one on ("" = all of them). */
    public String getRecentSince() {
        return recentSince;
    }

    public void setRecentSince(String recentSince) {
        this.recentSince = recentSince;
    }

    /** Bumped by every write of the summary; a whole-aspirant save is conditional on it. */
    public Long getRecentRev() {
        return recentRev;
    }

    public void setRecentRev(Long recentRev) {
        this.recentRev = recentRev;
    }

    /** The optional group-follow-up facts, as a nested map (absent when all are empty). */
    @DynamoDbBean
    public static class ProfileBean {
        private String gender;
        private Integer birthYear;
        private String educationLevel;
        private String previousOccupation;

        static ProfileBean from(Profile p) {
            if (p == null || p.equals(Profile.EMPTY)) {
                return null;
            }
            ProfileBean bean = new ProfileBean();
            bean.gender = p.gender();
            bean.birthYear = p.birthYear();
            bean.educationLevel = p.educationLevel();
            bean.previousOccupation = p.previousOccupation();
            return bean;
        }

        Profile toProfile() {
            return new Profile(gender, birthYear, educationLevel, previousOccupation);
        }

        public String getGender() {
            return gender;
        }

        public void setGender(String gender) {
            this.gender = gender;
        }

        public Integer getBirthYear() {
            return birthYear;
        }

        public void setBirthYear(Integer birthYear) {
            this.birthYear = birthYear;
        }

        public String getEducationLevel() {
            return educationLevel;
        }

        public void setEducationLevel(String educationLevel) {
            this.educationLevel = educationLevel;
        }

        public String getPreviousOccupation() {
            return previousOccupation;
        }

        public void setPreviousOccupation(String previousOccupation) {
            this.previousOccupation = previousOccupation;
        }
    }
}
