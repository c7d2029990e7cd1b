package se.vagen.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import se.vagen.common.Page;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerRepository;
import se.vagen.idempotency.ClaimLease;
import se.vagen.idempotency.LedgerStatus;
import se.vagen.idempotency.SendLedger;
import se.vagen.messaging.EmailSender;
import se.vagen.messaging.OutgoingEmail;
import se.vagen.token.StoredToken;
import se.vagen.token.TokenRepository;

/** In-memory stand-ins for the survey's unit tests (the integration tests use the real adapters). */
final class InMemorySurvey {

    private InMemorySurvey() {
    }

    static final class Employers implements EmployerRepository {
        final Map<String, Employer> byOrg = new HashMap<>();

        @Override
        public Optional<Employer> find(String orgNumber) {
            return Optional.ofNullable(byOrg.get(orgNumber));
        }

        @Override
        public void save(Employer employer) {
            byOrg.put(employer.orgNumber(), employer);
        }

        @Override
        public Page<Employer> contactedSince(LocalDate day, int limit, String cursor) {
            List<Employer> all = byOrg.values().stream().filter(e -> !e.lastContact().isBefore(day))
                    .sorted(Comparator.comparing(Employer::lastContact).thenComparing(Employer::orgNumber)).toList();
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(all.size(), from + limit);
            return new Page<>(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
        }
    }

    static final class Invitations implements SurveyInvitationRepository {
        final Map<String, SurveyInvitation> items = new ConcurrentHashMap<>();
        final Set<String> optedOutAddresses = new HashSet<>();

        @Override
        public boolean create(SurveyInvitation invitation) {
            return items.putIfAbsent(invitation.year() + "#" + invitation.invitationId(), invitation) == null;
        }

        @Override
        public Optional<SurveyInvitation> find(String year, String invitationId) {
            return Optional.ofNullable(items.get(year + "#" + invitationId));
        }

        @Override
        public List<SurveyInvitation> forYear(String year) {
            return items.values().stream().filter(i -> i.year().equals(year)).toList();
        }

        @Override
        public void markInvited(String year, String id, Instant at) {
            items.computeIfPresent(year + "#" + id, (k, i) -> new SurveyInvitation(i.year(), i.invitationId(), i.orgNumber(),
                    i.email(), i.industry(), i.sizeBand(), at, i.remindersSent(), i.lastReminderOn(), i.answered(),
                    i.optedOut(), i.expiresAt()));
        }

        @Override
        public boolean recordReminder(String year, String id, int number, LocalDate day) {
            SurveyInvitation i = items.get(year + "#" + id);
            if (i == null || i.remindersSent() != number - 1) {
                return false;
            }
            items.put(year + "#" + id, new SurveyInvitation(i.year(), i.invitationId(), i.orgNumber(), i.email(),
                    i.industry(), i.sizeBand(), i.invitedAt(), number, day, i.answered(), i.optedOut(), i.expiresAt()));
            return true;
        }

        @Override
        public boolean optOut(String year, String id) {
            SurveyInvitation i = items.get(year + "#" + id);
            if (i == null) {
                return false;
            }
            items.put(year + "#" + id, new SurveyInvitation(i.year(), i.invitationId(), i.orgNumber(), i.email(),
                    i.industry(), i.sizeBand(), i.invitedAt(), i.remindersSent(), i.lastReminderOn(), i.answered(), true,
                    i.expiresAt()));
            return true;
        }

        @Override
        public void optOutAddress(String addressKey) {
            optedOutAddresses.add(addressKey);
        }

        @Override
        public boolean addressOptedOut(String addressKey) {
            return optedOutAddresses.contains(addressKey);
        }

        synchronized boolean markAnswered(String year, String id) {
            SurveyInvitation i = items.get(year + "#" + id);
            if (i == null || i.answered()) {
                return false;
            }
            items.put(year + "#" + id, new SurveyInvitation(i.year(), i.invitationId(), i.orgNumber(), i.email(),
                    i.industry(), i.sizeBand(), i.invitedAt(), i.remindersSent(), i.lastReminderOn(), true, i.optedOut(),
                    i.expiresAt()));
            return true;
        }
    }

    static final class Responses implements SurveyResponseRepository {
        final Invitations invitations;
        final List<SurveyResponse> stored = new ArrayList<>();

        Responses(Invitations invitations) {
            this.invitations = invitations;
        }

        @Override
        public synchronized boolean submit(String invitationId, SurveyResponse response) {
            if (!invitations.markAnswered(response.year(), invitationId)) {
                return false;
            }
            stored.add(response);
            return true;
        }

        @Override
        public List<SurveyResponse> forYear(String year) {
            return stored.stream().filter(r -> r.year().equals(year)).toList();
        }
    }

    static final class Ledger implements SendLedger {
        final Map<String, String> status = new HashMap<>();
        final Map<String, Instant> claimedAt = new HashMap<>();
        final ClaimLease lease = ClaimLease.defaults();

        @Override
        public boolean claim(String key, Instant now, Instant expiresAt) {
            String current = status.get(key);
            if (lease.claimable(current == null ? null : LedgerStatus.valueOf(current), claimedAt.get(key), now)) {
                status.put(key, "CLAIMED");
                claimedAt.put(key, now);
                return true;
            }
            return false;
        }

        @Override
        public void markSent(String key, Instant now) {
            status.put(key, "SENT");
        }

        @Override
        public void markFailed(String key, Instant now, String reason) {
            status.put(key, "FAILED");
        }

        @Override
        public Optional<LedgerStatus> status(String key) {
            return Optional.ofNullable(status.get(key)).map(LedgerStatus::valueOf);
        }
    }

    static final class Tokens implements TokenRepository {
        final Map<String, StoredToken> byHash = new ConcurrentHashMap<>();

        @Override
        public void save(StoredToken token) {
            byHash.put(token.tokenHash(), token);
        }

        @Override
        public Optional<StoredToken> findByHash(String tokenHash) {
            return Optional.ofNullable(byHash.get(tokenHash));
        }

        @Override
        public synchronized boolean markUsed(String tokenHash, Instant at) {
            StoredToken t = byHash.get(tokenHash);
            if (t == null || t.usedAt() != null) {
                return false;
            }
            byHash.put(tokenHash, new StoredToken(t.tokenHash(), t.purpose(), t.subjectId(), t.reference(), t.language(),
                    t.validUntil(), t.singleUse(), at));
            return true;
        }
    }

    static final class Outbox implements EmailSender {
        final List<OutgoingEmail> sent = new ArrayList<>();

        @Override
        public String send(OutgoingEmail email) {
            sent.add(email);
            return "m-" + sent.size();
        }
    }
}
