package se.vagen.aspirant;

import java.time.Instant;
import se.vagen.common.Channel;
import se.vagen.common.Language;

/**
 * An adult on an activity plan. {@code phone} is E.164 or null; {@code email} is null when absent.
 * {@code missedCheckIns} counts consecutive missed cycles and is kept up to date by the reminder run.
 * {@code erased} is set when staff erase the personal data on request (the record stays as a tombstone).
 */
public record Aspirant(
        String id,
        String name,
        String phone,
        String email,
        Language language,
        Channel channel,
        String ownerRole,
        Cadence cadence,
        OptOuts optedOut,
        ActivityPlan plan,
        Profile profile,
        int missedCheckIns,
        boolean erased,
        Instant createdAt,
        Instant updatedAt) {

    public Aspirant {
        optedOut = optedOut == null ? OptOuts.NONE : optedOut;
        profile = profile == null ? Profile.EMPTY : profile;
        cadence = cadence == null ? Cadence.WEEKLY : cadence;
    }

    public Aspirant withOptOut(Channel ch, boolean value, Instant at) {
        return new Aspirant(id, name, phone, email, language, channel, ownerRole, cadence,
                optedOut.with(ch, value), plan, profile, missedCheckIns, erased, createdAt, at);
    }

    public Aspirant withMissedCheckIns(int missed, Instant at) {
        return new Aspirant(id, name, phone, email, language, channel, ownerRole, cadence, optedOut, plan, profile,
                missed, erased, createdAt, at);
    }
}
