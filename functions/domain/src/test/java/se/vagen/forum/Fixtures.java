package se.vagen.forum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.aspirant.PauseReason;
import se.vagen.aspirant.PlanPause;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.common.Channel;
import se.vagen.common.Language;

/** Test data builders: Monday 2026-11-23 is week 2026-W48; W47 is the newest closed cycle. */
final class Fixtures {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private Fixtures() {
    }

    static AspirantBuilder aspirant(String name) {
        return new AspirantBuilder(name);
    }

    static final class AspirantBuilder {
        String id;
        String name;
        String owner = "arbetskonsulent";
        LocalDate start = LocalDate.of(2026, 1, 5);
        LocalDate end = LocalDate.of(2027, 6, 30);
        List<PlanPause> pauses = new ArrayList<>();
        OptOuts optOuts = OptOuts.NONE;
        Channel channel = Channel.SMS;

        AspirantBuilder(String name) {
            this.name = name;
            this.id = "id-" + name.toLowerCase().replaceAll("[^a-z0-9]", "");
        }

        AspirantBuilder id(String value) {
            id = value;
            return this;
        }

        AspirantBuilder owner(String value) {
            owner = value;
            return this;
        }

        AspirantBuilder start(LocalDate value) {
            start = value;
            return this;
        }

        AspirantBuilder end(LocalDate value) {
            end = value;
            return this;
        }

        AspirantBuilder pause(LocalDate from, LocalDate to, PauseReason reason) {
            pauses.add(new PlanPause(from, to, reason));
            return this;
        }

        AspirantBuilder optedOut(OptOuts value) {
            optOuts = value;
            return this;
        }

        AspirantBuilder channel(Channel value) {
            channel = value;
            return this;
        }

        Aspirant build() {
            return new Aspirant(id, name, "+46701234567", null, Language.SV, channel, owner, Cadence.WEEKLY, optOuts,
                    new ActivityPlan(start, end, List.of(), pauses), null, 0, false,
                    Instant.parse("2026-01-01T08:00:00Z"), Instant.parse("2026-01-01T08:00:00Z"));
        }
    }

    static CheckIn missed(String cycle) {
        return new CheckIn("x", cycle, CheckInStatus.MISSED, Channel.SMS, false, null, null, null, null,
                Instant.parse("2026-11-01T08:00:00Z"), null, 2);
    }

    static CheckIn open(String cycle) {
        return new CheckIn("x", cycle, CheckInStatus.OPEN, Channel.SMS, false, null, null, null, null,
                Instant.parse("2026-11-01T08:00:00Z"), null, 0);
    }

    static CheckIn answered(String cycle, Participation p, Integer wellbeing, HelpTopic... help) {
        return answered(cycle, p, wellbeing, null, help);
    }

    static CheckIn answered(String cycle, Participation p, Integer wellbeing, String freeText, HelpTopic... help) {
        LocalDate monday = ForumWeek.parse(cycle).orElseThrow().monday();
        Instant at = monday.plusDays(1).atStartOfDay(ForumWeek.STOCKHOLM).plusHours(10).toInstant();
        return new CheckIn("x", cycle, CheckInStatus.ANSWERED, Channel.SMS, false, p, wellbeing,
                Arrays.asList(help), freeText, at.minusSeconds(3600), at, 0);
    }
}
