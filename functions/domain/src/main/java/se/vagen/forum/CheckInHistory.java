package se.vagen.forum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.Participation;

/**
 * An aspirant's recent check-ins as the forum list sees them for a week. Only <em>closed</em> cycles count:
 * cycles before the list's week (the current week's check-in is still running on Monday morning, and a list
 * regenerated later in the week must give the same answer). Of those, the newest {@code historyCycles}.
 * <ul>
 * <li>answered: the check-in has at least one answer (or status ANSWERED);</li>
 * <li>missed: not answered, status MISSED, or still OPEN although its cycle has ended (the reminder run marks
 *     last week's cycle missed later on Monday than the 06:00 list run);</li>
 * <li>the latest check-in: the newest answered one.</li>
 * </ul>
 */
public final class CheckInHistory {

    private final List<CheckIn> closed;

    public CheckInHistory(LocalDate monday, List<CheckIn> checkIns, int historyCycles) {
        String week = ForumWeek.of(monday).toString();
        List<CheckIn> list = new ArrayList<>();
        for (CheckIn c : checkIns) {
            Optional<ForumWeek> cycle = ForumWeek.parse(c.cycle());
            if (cycle.isPresent() && cycle.get().toString().compareTo(week) < 0) {
                list.add(c);
            }
        }
        list.sort(Comparator.comparing(CheckIn::cycle).reversed());
        closed = list.size() > historyCycles ? List.copyOf(list.subList(0, historyCycles)) : List.copyOf(list);
    }

    public static boolean answered(CheckIn c) {
        return c.status() == CheckInStatus.ANSWERED || c.participation() != null || c.wellbeing() != null
                || !c.helpNeeded().isEmpty() || (c.freeText() != null && !c.freeText().isBlank());
    }

    public static boolean missed(CheckIn c) {
        return !answered(c) && (c.status() == CheckInStatus.MISSED || c.status() == CheckInStatus.OPEN);
    }

    /** Closed cycles, newest first. */
    public List<CheckIn> closed() {
        return closed;
    }

    /** Missed cycles in a row, counted back from the newest closed cycle. */
    public int missedInARow() {
        int n = 0;
        for (CheckIn c : closed) {
            if (!missed(c)) {
                break;
            }
            n++;
        }
        return n;
    }

    public Optional<CheckIn> latestAnswered() {
        return closed.stream().filter(CheckInHistory::answered).findFirst();
    }

    /** Participation answers of the answered cycles, newest first (cycles without that answer skipped). */
    public List<Participation> participationAnswers() {
        return closed.stream().filter(CheckInHistory::answered).map(CheckIn::participation)
                .filter(p -> p != null).toList();
    }

    /** The newest wellbeing answer, if any. */
    public Optional<Integer> latestWellbeing() {
        return closed.stream().filter(CheckInHistory::answered).map(CheckIn::wellbeing)
                .filter(w -> w != null).findFirst();
    }

    public boolean anyAnsweredOrMissed() {
        return closed.stream().anyMatch(c -> answered(c) || missed(c));
    }

    /**
     * Share of the closed cycles (at most {@code historyCycles}) the aspirant took part in, in whole percent:
     * YES counts 1, PARTLY ½, NO and missed 0; answered cycles without a participation answer are left out.
     * Null when there is no such cycle.
     */
    public Integer participationPercent() {
        double sum = 0;
        int cycles = 0;
        for (CheckIn c : closed) {
            if (missed(c)) {
                cycles++;
            } else if (answered(c) && c.participation() != null) {
                cycles++;
                sum += c.participation() == Participation.YES ? 1 : c.participation() == Participation.PARTLY ? 0.5 : 0;
            }
        }
        return cycles == 0 ? null : (int) Math.round(100 * sum / cycles);
    }
}
