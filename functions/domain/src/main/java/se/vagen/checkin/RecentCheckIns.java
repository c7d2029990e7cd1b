package se.vagen.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import se.vagen.time.WorkingCalendar;

/**
 * A compact summary of an aspirant's newest check-ins, kept on the aspirant so the weekly forum list needs no
 * per-aspirant Query (docs/forum-list.md, "The recent check-ins summary"). One {@link Entry} per cycle with what the
 * classifier and the list row use: status, participation, wellbeing, help topics, whether there is a free text (the
 * text itself is never copied), and the day of the answer.
 * <p>
 * {@code since}: the summary holds every check-in of the cycles from {@code since} on ({@link #FROM_START}, the empty
 * string, when it holds all of them). An aspirant made before the summary existed gets one at its first check-in
 * event, starting at that cycle, so older cycles are missing until a backfill; {@link #closedBefore} says when the
 * summary is enough. Entries older than the newest {@link #KEEP} may be trimmed; a trim raises {@code since}.
 */
public record RecentCheckIns(String since, NavigableMap<String, Entry> entries) {

    /** {@code since} of a summary that holds every check-in the aspirant ever had. */
    public static final String FROM_START = "";
    /** Cycles a summary keeps (the forum list reads 8 closed ones; one more for the running week, one spare). */
    public static final int KEEP = 10;
    /** A writer trims only when the summary holds more than {@code KEEP + TRIM_SLACK} cycles (one trim per 5). */
    public static final int TRIM_SLACK = 4;
    /** What {@link Entry#toCheckIn} puts as the free text when there was one: the summary never holds the text. */
    public static final String FREE_TEXT_NOT_KEPT = "(fritext finns)";

    private static final ZoneId STOCKHOLM = WorkingCalendar.ZONE;

    /** The summary of an aspirant made with it: nothing yet, and complete. */
    public static final RecentCheckIns EMPTY = new RecentCheckIns(FROM_START, new TreeMap<>());

    public RecentCheckIns {
        since = since == null ? FROM_START : since;
        entries = Collections.unmodifiableNavigableMap(new TreeMap<>(entries == null ? Map.of() : entries));
    }

    /**
     * The summary of a history read from the check-ins (newest first, as {@code CheckInRepository.history} returns
     * it): complete from the start when the history has fewer than {@code limit} check-ins, else from its oldest.
     * {@code rev} is 0 (the check-in revisions are not known from a read; any later write replaces the entry).
     */
    public static RecentCheckIns fromHistory(List<CheckIn> newestFirst, int limit) {
        TreeMap<String, Entry> map = new TreeMap<>();
        List<CheckIn> taken = newestFirst.size() > limit ? newestFirst.subList(0, limit) : newestFirst;
        for (CheckIn c : taken) {
            map.put(c.cycle(), Entry.of(c, 0));
        }
        String since = newestFirst.size() < limit || map.isEmpty() ? FROM_START : map.firstKey();
        return new RecentCheckIns(since, map);
    }

    /** This summary with the cycle's entry set (what a writer does; for in-memory stores and tests). */
    public RecentCheckIns with(String cycle, Entry entry) {
        TreeMap<String, Entry> map = new TreeMap<>(entries);
        Entry old = map.get(cycle);
        if (old == null || old.rev() < entry.rev()) {
            map.put(cycle, entry);
        }
        return new RecentCheckIns(since, map);
    }

    /** Cycles a writer should remove: all but the newest {@link #KEEP}, once there are more than KEEP + slack. */
    public List<String> toTrim() {
        if (entries.size() <= KEEP + TRIM_SLACK) {
            return List.of();
        }
        List<String> old = new ArrayList<>(entries.keySet());
        return List.copyOf(old.subList(0, old.size() - KEEP));
    }

    /** This summary without the {@link #toTrim} cycles; {@code since} rises to the oldest cycle kept. */
    public RecentCheckIns trimmed() {
        List<String> drop = toTrim();
        if (drop.isEmpty()) {
            return this;
        }
        TreeMap<String, Entry> map = new TreeMap<>(entries);
        drop.forEach(map::remove);
        return new RecentCheckIns(sinceAfterTrim(map.firstKey()), map);
    }

    /** {@code since} after a trim that kept cycles from {@code oldestKept} on. */
    public String sinceAfterTrim(String oldestKept) {
        return since.compareTo(oldestKept) >= 0 ? since : oldestKept;
    }

    /**
     * The aspirant's newest {@code limit} check-ins of cycles before {@code cycle} (exclusive), newest first, exactly
     * as a Query on the check-ins would give them (free text as {@link #FREE_TEXT_NOT_KEPT}), if this summary is
     * enough to know them: it holds at least {@code limit} such cycles from {@code since} on, or holds every check-in.
     * Empty otherwise (read the check-ins instead).
     */
    public Optional<List<CheckIn>> closedBefore(String aspirantId, String cycle, int limit) {
        List<CheckIn> out = new ArrayList<>(limit);
        for (Map.Entry<String, Entry> e : entries.headMap(cycle, false).descendingMap().entrySet()) {
            if (out.size() == limit || e.getKey().compareTo(since) < 0) {
                break;
            }
            out.add(e.getValue().toCheckIn(aspirantId, e.getKey()));
        }
        if (out.size() == limit || FROM_START.equals(since)) {
            return Optional.of(List.copyOf(out));
        }
        return Optional.empty();
    }

    /**
     * One cycle's check-in as the list needs it. {@code day}: the day (Stockholm) it was answered, or opened when it
     * has no answer. {@code rev}: the revision of the check-in it was built from (each check-in write adds one).
     */
    public record Entry(CheckInStatus status, Participation participation, Integer wellbeing,
                        List<HelpTopic> helpNeeded, boolean freeText, LocalDate day, long rev) {

        public Entry {
            status = status == null ? CheckInStatus.OPEN : status;
            helpNeeded = helpNeeded == null ? List.of() : List.copyOf(helpNeeded);
        }

        public static Entry of(CheckIn c, long rev) {
            Instant at = c.answeredAt() != null ? c.answeredAt() : c.openedAt();
            return new Entry(c.status(), c.participation(), c.wellbeing(), c.helpNeeded(),
                    c.freeText() != null && !c.freeText().isBlank(),
                    at == null ? null : at.atZone(STOCKHOLM).toLocalDate(), rev);
        }

        /** The check-in this entry stands for (answered at / opened at the start of {@code day} in Stockholm). */
        public CheckIn toCheckIn(String aspirantId, String cycle) {
            Instant at = day == null ? null : day.atStartOfDay(STOCKHOLM).toInstant();
            boolean answered = status == CheckInStatus.ANSWERED || participation != null || wellbeing != null
                    || !helpNeeded.isEmpty() || freeText;
            return new CheckIn(aspirantId, cycle, status, null, false, participation, wellbeing, helpNeeded,
                    freeText ? FREE_TEXT_NOT_KEPT : null, at, answered ? at : null, 0);
        }
    }
}
