package se.vagen.aspirant;

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
    public Aspirant toNewAspirant(String id, java.time.Instant now) {
        return new Aspirant(id, name, phone, email, language, channel, ownerRole, cadence, OptOuts.NONE, plan,
                profile, 0, false, now, now);
    }

    /**
     * {@code existing} with every field staff edit replaced by this draft's; opt-outs, missed check-ins and
     * creation time are kept (they are the aspirant's or the system's, not staff's).
     */
    public Aspirant applyTo(Aspirant existing, java.time.Instant now) {
        return new Aspirant(existing.id(), name, phone, email, language, channel, ownerRole, cadence,
                existing.optedOut(), plan, profile, existing.missedCheckIns(), existing.erased(), existing.createdAt(),
                now);
    }

    /** Whether applying this draft would change nothing staff can edit. */
    public boolean sameAs(Aspirant existing) {
        return java.util.Objects.equals(name, existing.name())
                && java.util.Objects.equals(phone, existing.phone())
                && java.util.Objects.equals(email, existing.email())
                && language == existing.language()
                && channel == existing.channel()
                && java.util.Objects.equals(ownerRole, existing.ownerRole())
                && cadence == existing.cadence()
                && java.util.Objects.equals(plan, existing.plan())
                && java.util.Objects.equals(profile, existing.profile());
    }

    /** Names of the staff-editable fields that differ (for the audit detail: names only, no values). */
    public java.util.List<String> changedFields(Aspirant existing) {
        java.util.List<String> changed = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(name, existing.name())) {
            changed.add("name");
        }
        if (!java.util.Objects.equals(phone, existing.phone())) {
            changed.add("phone");
        }
        if (!java.util.Objects.equals(email, existing.email())) {
            changed.add("email");
        }
        if (language != existing.language()) {
            changed.add("language");
        }
        if (channel != existing.channel()) {
            changed.add("channel");
        }
        if (!java.util.Objects.equals(ownerRole, existing.ownerRole())) {
            changed.add("contactRoleOwner");
        }
        if (cadence != existing.cadence()) {
            changed.add("checkInCadence");
        }
        if (!java.util.Objects.equals(plan, existing.plan())) {
            changed.add("plan");
        }
        if (!java.util.Objects.equals(profile, existing.profile())) {
            changed.add("profile");
        }
        return changed;
    }
}
