package se.vagen.aws.dynamodb;

import java.time.Duration;
import se.vagen.aspirant.Aspirant;
import java.util.List;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.RecentCheckIns;

/**
 * Benchmark helper (test scope, in the adapters' package to reuse their item mapping): the DynamoDB items the
 * repositories would write, so the forum-list benchmark can bulk-load them with BatchWriteItem.
 */
public final class BenchmarkItems {

    private BenchmarkItems() {
    }

    /** The aspirant item exactly as {@code DynamoAspirantRepository.save} maps it (without its phone claim). */
    public static AspirantItem aspirant(Aspirant a) {
        return AspirantItem.from(a);
    }

    /**
     * The aspirant item as the system keeps it once its check-ins were written through the adapter: with the summary
     * of its newest check-ins (each at revision 1, complete from the start).
     */
    public static AspirantItem aspirant(Aspirant a, List<CheckIn> checkIns) {
        AspirantItem item = AspirantItem.from(a);
        RecentCheckIns recent = RecentCheckIns.EMPTY;
        for (CheckIn c : checkIns) {
            recent = recent.with(c.cycle(), RecentCheckIns.Entry.of(c, 1));
        }
        item.setRecentCheckIns(recent);
        item.setRecentRev((long) checkIns.size());
        return item;
    }

    /** The check-in item as {@code DynamoCheckInRepository.save} maps it. */
    public static CheckInItem checkIn(CheckIn c) {
        CheckInItem item = CheckInItem.from(c);
        item.setRev(1L);
        item.setExpiresAt((c.openedAt() == null ? java.time.Instant.now() : c.openedAt()).plus(Duration.ofDays(400))
                .getEpochSecond());
        return item;
    }
}
