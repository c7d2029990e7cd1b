package se.vagen.aspirant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import se.vagen.common.Channel;
import se.vagen.common.Language;

/**
 * A validated aspirant as staff sent it (JSON or one CSV row): phone in E.164 or null, e-mail trimmed or
 * null, owner role as a code of {@code staff/contact-roles.json}, a plan whose dates are consistent.
 */
public record AspirantDraft(
        String name,
        String phone,
        String email,
        Language language,
        Channel channel,
        String ownerRole,
        Cadence cadence,
        ActivityPlan plan,
        Profile profile) {

    /** A new aspirant from this draft. */
    public Aspirant toNewAspirant(String id, Instant now) {
        return new Aspirant(id, name, phone, email, language, channel, ownerRole, cadence, OptOuts.NONE, plan,
                profile, 0, false, now, now);
    }

    /**
     * {@code existing} with every field staff edit replaced by this draft's; opt-outs, missed check-ins and
     * creation time are kept (they are the aspirant's or the system's, not staff's).
     */
    public Aspirant applyTo(Aspirant existing, Instant now) {
        return new Aspirant(existing.id(), name, phone, email, language, channel, ownerRole, cadence,
                existing.optedOut(), plan, profile, existing.missedCheckIns(), existing.erased(), existing.createdAt(),
                now);
    }

    /** Whether applying this draft would change nothing staff can edit. */
    public boolean sameAs(Aspirant existing) {
        return changedFields(existing).isEmpty();
    }

    /** Names of the staff-editable fields that differ (for the audit detail: names only, no values). */
    public List<String> changedFields(Aspirant existing) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(name, existing.name())) {
            changed.add("name");
        }
        if (!Objects.equals(phone, existing.phone())) {
            changed.add("phone");
        }
        if (!Objects.equals(email, existing.email())) {
            changed.add("email");
        }
        if (language != existing.language()) {
            changed.add("language");
        }
        if (channel != existing.channel()) {
            changed.add("channel");
        }
        if (!Objects.equals(ownerRole, existing.ownerRole())) {
            changed.add("contactRoleOwner");
        }
        if (cadence != existing.cadence()) {
            changed.add("checkInCadence");
        }
        if (!Objects.equals(plan, existing.plan())) {
            changed.add("plan");
        }
        if (!Objects.equals(profile, existing.profile())) {
            changed.add("profile");
        }
        return changed;
    }
}
