package se.vagen.forum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import se.vagen.aspirant.Aspirant;
import se.vagen.checkin.CheckIn;

/**
 * One line of the forum list. Deliberately small (100,000 of them are sorted in memory) and without the
 * optional profile fields (gender, birth year, ...) or contact details: the forum needs none of them.
 * {@code participationPercent} is over the last closed cycles (see {@link CheckInHistory}); null without any.
 */
public record ForumRow(
        String aspirantId,
        String name,
        ForumStatus status,
        List<Reason> reasons,
        String suggestedRole,
        LocalDate lastCheckIn,
        LastAnswers lastAnswers,
        int missedCheckIns,
        Integer participationPercent,
        LocalDate planEnd) {

    public ForumRow {
        reasons = List.copyOf(reasons);
    }

    public static ForumRow of(Aspirant aspirant, Classification classification, CheckInHistory history) {
        Optional<CheckIn> latest = history.latestAnswered();
        LocalDate last = latest.map(ForumRow::day).orElse(null);
        LastAnswers answers = latest.map(c -> new LastAnswers(c.participation(), c.wellbeing(), c.helpNeeded()))
                .orElse(null);
        return new ForumRow(aspirant.id(), aspirant.name() == null ? "" : aspirant.name(), classification.status(),
                classification.reasons(), classification.suggestedRole(), last, answers, history.missedInARow(),
                history.participationPercent(), aspirant.plan() == null ? null : aspirant.plan().end());
    }

    /** The same row under another name (an erased aspirant's tombstone name). */
    public ForumRow withName(String newName) {
        return new ForumRow(aspirantId, newName, status, reasons, suggestedRole, lastCheckIn, lastAnswers,
                missedCheckIns, participationPercent, planEnd);
    }

    private static LocalDate day(CheckIn c) {
        Instant at = c.answeredAt() != null ? c.answeredAt() : c.openedAt();
        if (at != null) {
            return at.atZone(ForumWeek.STOCKHOLM).toLocalDate();
        }
        return ForumWeek.parse(c.cycle()).map(ForumWeek::monday).orElse(null);
    }
}
