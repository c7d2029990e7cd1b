package se.vagen.checkin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a reminder run did: aspirants {@code due} (a cycle to ask about), messages {@code sent}, aspirants
 * {@code skipped} by reason, sends that {@code failed} (retried by the next run), cycles marked {@code missed}, and
 * whether it {@code stoppedEarly} because the time budget ran out (the next run picks up the rest).
 */
public final class RunSummary {

    private final Instant asOf;
    private final AtomicInteger due = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger missed = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();
    private final Map<String, AtomicInteger> skipped = new ConcurrentHashMap<>();
    private volatile boolean stoppedEarly;
    private volatile boolean outsideSendingWindow;

    public RunSummary(Instant asOf) {
        this.asOf = asOf;
    }

    void due() { due.incrementAndGet(); }
    void sent() { sent.incrementAndGet(); }
    void failed() { failed.incrementAndGet(); }
    void missed() { missed.incrementAndGet(); }
    void seen() { seen.incrementAndGet(); }
    void skipped(String reason) { skipped.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet(); }
    void stoppedEarly() { stoppedEarly = true; }
    void outsideSendingWindow() { outsideSendingWindow = true; }

    public int sentCount() { return sent.get(); }
    public int dueCount() { return due.get(); }
    public int failedCount() { return failed.get(); }
    public int missedCount() { return missed.get(); }
    public boolean wasStoppedEarly() { return stoppedEarly; }

    public int skippedCount(String reason) {
        AtomicInteger n = skipped.get(reason);
        return n == null ? 0 : n.get();
    }

    /** JSON-friendly: {asOf, due, sent, skipped: {reason: n}, failed, missed, aspirantsRead, stoppedEarly, outsideSendingWindow}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asOf", asOf.toString());
        m.put("due", due.get());
        m.put("sent", sent.get());
        Map<String, Object> s = new TreeMap<>();
        skipped.forEach((k, v) -> s.put(k, v.get()));
        m.put("skipped", s);
        m.put("failed", failed.get());
        m.put("missed", missed.get());
        m.put("aspirantsRead", seen.get());
        m.put("stoppedEarly", stoppedEarly);
        m.put("outsideSendingWindow", outsideSendingWindow);
        return m;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
