package se.vagen.checkin;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.common.Channel;
import se.vagen.common.Page;
import se.vagen.common.PublicLinks;
import se.vagen.idempotency.SendLedger;
import se.vagen.messaging.EmailSender;
import se.vagen.messaging.OutgoingSms;
import se.vagen.messaging.SendFailedException;
import se.vagen.messaging.SmsSender;
import se.vagen.time.WorkingCalendar;
import se.vagen.token.LinkTokens;
import se.vagen.token.TokenPurpose;

/**
 * The check-in reminder run, as of an instant (see docs/checkin.md):
 * <ul>
 * <li>nothing is sent outside the sending window (working days, 09:00-17:00 Europe/Stockholm);</li>
 * <li>aspirants are read shard by shard from the plan-end index (no Scan), the shards in parallel;</li>
 * <li>a cycle that ended without an answer after we asked is marked MISSED and counted in {@code missedCheckIns};</li>
 * <li>the first reminder goes out from the first working day of the cycle's week, with question 1, how to answer,
 *     and a single-use form link; it opens the chatbot conversation at question 1;</li>
 * <li>the second goes two working days after the first when nothing was answered;</li>
 * <li>every send is claimed in the SendLedger ({@code send#checkin#{aspirantId}#{cycle}#R{n}}) before it is sent and
 *     marked sent after, so a repeated, retried or concurrent run sends each message once; a failed send is recorded
 *     and claimed again by the next run; a claim left by a run that died before sending is a lease
 *     ({@link se.vagen.idempotency.ClaimLease}): the first run after it has passed sends that reminder;</li>
 * <li>when the time budget runs low the run stops cleanly; the next run starts from the beginning again, which is
 *     safe because sends are claimed (already handled aspirants cost two reads and are skipped).</li>
 * </ul>
 */
@Singleton
public class ReminderRun {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderRun.class);
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** Stop when less than this is left of the invocation. */
    static final long SAFETY_MILLIS = 20_000;
    static final int PAGE_SIZE = 100;
    /** Plans that ended up to this long ago are still read, so their last cycle can be marked MISSED. */
    static final int LOOK_BACK_DAYS = 14;
    static final Duration LEDGER_KEEP = Duration.ofDays(120);

    private final AspirantRepository aspirants;
    private final CheckInRepository checkIns;
    private final ConversationRepository conversations;
    private final SendLedger ledger;
    private final LinkTokens tokens;
    private final SmsSender sms;
    private final EmailSender email;
    private final CheckinMessages messages;
    private final WorkingCalendar calendar;
    private final CheckinCycle cycles;
    private final PublicLinks links;

    public ReminderRun(AspirantRepository aspirants, CheckInRepository checkIns, ConversationRepository conversations,
                       SendLedger ledger, LinkTokens tokens, SmsSender sms, EmailSender email,
                       CheckinMessages messages, WorkingCalendar calendar, CheckinCycle cycles, PublicLinks links) {
        this.aspirants = aspirants;
        this.checkIns = checkIns;
        this.conversations = conversations;
        this.ledger = ledger;
        this.tokens = tokens;
        this.sms = sms;
        this.email = email;
        this.messages = messages;
        this.calendar = calendar;
        this.cycles = cycles;
        this.links = links;
    }

    public RunSummary run(Instant asOf, TimeBudget budget) {
        RunSummary summary = new RunSummary(asOf);
        if (!calendar.inSendingWindow(asOf)) {
            summary.outsideSendingWindow();
            LOG.info("check-in reminders: outside the sending window, nothing to do; {}", summary);
            return summary;
        }
        LocalDate day = asOf.atZone(STOCKHOLM).toLocalDate();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(AspirantRepository.PLAN_SHARDS, 8));
        try {
            List<Future<?>> shards = new ArrayList<>();
            for (int shard = 0; shard < AspirantRepository.PLAN_SHARDS; shard++) {
                int s = shard;
                shards.add(pool.submit(() -> runShard(s, day, asOf, budget, summary)));
            }
            for (Future<?> f : shards) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            summary.stoppedEarly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("check-in reminder run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        LOG.info("check-in reminders done: {}", summary);
        return summary;
    }

    private void runShard(int shard, LocalDate day, Instant asOf, TimeBudget budget, RunSummary summary) {
        String cursor = null;
        do {
            Page<Aspirant> page = aspirants.withPlanEndingOnOrAfter(shard, day.minusDays(LOOK_BACK_DAYS), PAGE_SIZE, cursor);
            for (Aspirant a : page.items()) {
                if (budget.remainingMillis() < SAFETY_MILLIS) {
                    summary.stoppedEarly();
                    return;
                }
                summary.seen();
                try {
                    process(a, day, asOf, summary);
                } catch (RuntimeException e) {
                    // One aspirant's trouble (e.g. a throttled write) never stops the run; the next run tries again.
                    summary.failed();
                    LOG.warn("check-in reminders: aspirant {} failed: {}", a.id(), e.getClass().getSimpleName());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    void process(Aspirant a, LocalDate day, Instant asOf, RunSummary summary) {
        if (a.erased()) {
            summary.skipped("erased");
            return;
        }
        List<CheckIn> recent = checkIns.history(a.id(), 4);
        markMissed(a, recent, asOf, summary);

        Optional<String> dueCycle = cycles.dueCycle(a, day);
        if (dueCycle.isEmpty()) {
            summary.skipped("notDue");
            return;
        }
        String cycle = dueCycle.get();
        Channel channel = a.channel() == null ? Channel.SMS : a.channel();
        if (a.optedOut().optedOut(channel)) {
            summary.skipped("optedOut");
            return;
        }
        if (channel == Channel.SMS ? blank(a.phone()) : blank(a.email())) {
            summary.skipped("noContact");
            return;
        }
        summary.due();
        CheckIn current = recent.stream().filter(c -> cycle.equals(c.cycle())).findFirst().orElse(null);
        if (current != null && current.status() == CheckInStatus.ANSWERED) {
            summary.skipped("answered");
            return;
        }
        int sentBefore = current == null ? 0 : current.remindersSent();
        if (sentBefore == 0) {
            if (day.isBefore(calendar.firstWorkingDayOfWeek(cycles.weekStart(cycle)))) {
                summary.skipped("notYet");
                return;
            }
            send(a, channel, cycle, 1, asOf, summary);
        } else if (sentBefore == 1) {
            LocalDate first = current.openedAt() == null ? day : current.openedAt().atZone(STOCKHOLM).toLocalDate();
            if (day.isBefore(calendar.plusWorkingDays(first, 2))) {
                summary.skipped("waitingForAnswer");
                return;
            }
            send(a, channel, cycle, 2, asOf, summary);
        } else {
            summary.skipped("remindersDone");
        }
    }

    /** A cycle we asked about that ended without an answer is MISSED; the count of consecutive misses goes up. */
    private void markMissed(Aspirant a, List<CheckIn> recent, Instant asOf, RunSummary summary) {
        int newlyMissed = 0;
        for (CheckIn c : recent) {
            if (c.status() == CheckInStatus.OPEN && !asOf.isBefore(cycles.cycleEnd(c.cycle()))
                    && checkIns.markMissed(a.id(), c.cycle(), asOf)) {
                newlyMissed++;
                summary.missed();
            }
        }
        if (newlyMissed > 0) {
            Aspirant fresh = aspirants.findById(a.id()).orElse(a);
            aspirants.save(fresh.withMissedCheckIns(fresh.missedCheckIns() + newlyMissed, asOf));
        }
    }

    private void send(Aspirant a, Channel channel, String cycle, int number, Instant asOf, RunSummary summary) {
        String key = "send#checkin#" + a.id() + "#" + cycle + "#R" + number;
        if (!ledger.claim(key, asOf, asOf.plus(LEDGER_KEEP))) {
            summary.skipped("alreadySent");
            return;
        }
        try {
            String token = tokens.issue(TokenPurpose.CHECKIN, a.id(), cycle, a.language().code(),
                    cycles.cycleEnd(cycle), true);
            String link = links.link("/c/" + token);
            if (number == 1) {
                conversations.open(Conversation.start(a.id(), cycle, channel, asOf));
            }
            if (channel == Channel.SMS) {
                sms.send(new OutgoingSms(a.phone(), messages.reminderSms(a, number, link)));
            } else {
                email.send(messages.reminderEmail(a, number, link));
            }
        } catch (SendFailedException e) {
            ledger.markFailed(key, asOf, e.getMessage());
            summary.failed();
            LOG.warn("check-in reminder R{} to aspirant {} failed (retryable={}); the next run tries again",
                    number, a.id(), e.retryable());
            return;
        } catch (RuntimeException e) {
            ledger.markFailed(key, asOf, e.getClass().getSimpleName());
            summary.failed();
            LOG.warn("check-in reminder R{} to aspirant {} failed: {}", number, a.id(), e.getClass().getSimpleName());
            return;
        }
        // Sent. Nothing after this may mark the key failed, or the next run would send it again: when storage fails
        // here (e.g. throttled), the message counts as sent and the key stays claimed (see docs/reliability.md).
        summary.sent();
        try {
            checkIns.recordReminder(a.id(), cycle, number, asOf);
        } catch (RuntimeException e) {
            LOG.warn("check-in reminder R{} to aspirant {} sent, but recording it on the check-in failed: {}", number,
                    a.id(), e.getClass().getSimpleName());
        }
        try {
            ledger.markSent(key, asOf);
        } catch (RuntimeException e) {
            LOG.warn("check-in reminder R{} to aspirant {} sent, but the ledger still says claimed: {}", number,
                    a.id(), e.getClass().getSimpleName());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
