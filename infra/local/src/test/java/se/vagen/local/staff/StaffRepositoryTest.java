package se.vagen.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.ActivityType;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.aspirant.PhoneTakenException;
import se.vagen.aspirant.Profile;
import se.vagen.aws.dynamodb.AspirantItem;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.common.Page;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoAspirantRepository against DynamoDB Local through the real SDK: uniqueness, erasure, shards. */
class StaffRepositoryTest {

    private final StaffFixtures f = new StaffFixtures();
    private final AspirantRepository repository = f.stack.context().getBean(AspirantRepository.class);

    /** Plans in the past or far future, so the reminder and forum-list runs of other tests leave them alone. */
    private static Aspirant aspirant(String phone, String email, LocalDate planEnd) {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        return new Aspirant(UUID.randomUUID().toString(), StaffFixtures.uniquePrefix() + " Repo", phone, email,
                Language.SV, Channel.SMS, "arbetskonsulent", Cadence.WEEKLY, OptOuts.NONE,
                new ActivityPlan(planEnd.minusDays(30), planEnd,
                        List.of(new Activity(ActivityType.SFI, 7.5, "Komvux", planEnd.minusDays(30), planEnd)), List.of()),
                new Profile("FEMALE", 1990, "SECONDARY", "Sömmerska"), 0, false, now, now);
    }

    @Test
    void roundTripKeepsEveryField() {
        Aspirant a = aspirant(StaffFixtures.e164(StaffFixtures.mobile()), "Mixed.Case@Example.org", LocalDate.of(2021, 3, 1));
        repository.save(a);
        assertEquals(a, repository.findById(a.id()).orElseThrow());
        assertEquals(a, repository.findByPhone(a.phone()).orElseThrow());
        assertEquals(a, repository.findByEmail("mixed.case@example.ORG").orElseThrow());
    }

    @Test
    void concurrentSavesOfTwoAspirantsWithOneNumberLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 3; round++) {
            String phone = StaffFixtures.e164(StaffFixtures.mobile());
            List<Aspirant> rivals = List.of(aspirant(phone, null, LocalDate.of(2021, 1, 1)),
                    aspirant(phone, null, LocalDate.of(2021, 1, 1)), aspirant(phone, null, LocalDate.of(2021, 1, 1)));
            ExecutorService pool = Executors.newFixedThreadPool(rivals.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (Aspirant rival : rivals) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        repository.save(rival);
                        return true;
                    } catch (PhoneTakenException e) {
                        return false;
                    } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
                        // A transaction conflict (another one in flight on the claim) also means: not saved.
                        return false;
                    }
                }));
            }
            start.countDown();
            int saved = 0;
            for (Future<Boolean> result : results) {
                saved += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, saved, "exactly one aspirant holds " + phone);
            String holder = repository.findByPhone(phone).orElseThrow().id();
            assertTrue(rivals.stream().anyMatch(r -> r.id().equals(holder)));
            long stored = rivals.stream().filter(r -> repository.findById(r.id()).isPresent()).count();
            assertEquals(1, stored, "the losers were not stored either");
        }
    }

    @Test
    void erasedAspirantsAreNotFoundByPhoneOrEmailAndFreeTheirNumber() {
        String phone = StaffFixtures.e164(StaffFixtures.mobile());
        String email = StaffFixtures.uniquePrefix() + "@example.org";
        Aspirant a = aspirant(phone, email, LocalDate.of(2021, 1, 1));
        repository.save(a);
        Aspirant erased = new Aspirant(a.id(), a.name(), a.phone(), a.email(), a.language(), a.channel(), a.ownerRole(),
                a.cadence(), a.optedOut(), a.plan(), a.profile(), 0, true, a.createdAt(), a.updatedAt());
        repository.save(erased);
        assertTrue(repository.findByPhone(phone).isEmpty());
        assertTrue(repository.findByEmail(email).isEmpty());
        assertTrue(repository.listByName(a.name(), 10, null).items().isEmpty());
        Aspirant next = aspirant(phone, email, LocalDate.of(2021, 1, 1));
        repository.save(next);
        assertEquals(next.id(), repository.findByPhone(phone).orElseThrow().id());
    }

    @Test
    void aStaleClaimIsTakenOver() {
        String phone = StaffFixtures.e164(StaffFixtures.mobile());
        // A claim whose owner does not exist (e.g. left by a crashed writer of an older version).
        f.stack.dynamoDb().putItem(r -> r.tableName(f.stack.tableName("AspirantsTable"))
                .item(java.util.Map.of("id", AttributeValue.fromS("phone#" + phone),
                        "ownerId", AttributeValue.fromS("ghost-" + UUID.randomUUID()))));
        Aspirant a = aspirant(phone, null, LocalDate.of(2021, 1, 1));
        repository.save(a);
        assertEquals(a.id(), repository.findByPhone(phone).orElseThrow().id());
        Aspirant rival = aspirant(phone, null, LocalDate.of(2021, 1, 1));
        assertThrows(PhoneTakenException.class, () -> repository.save(rival));
    }

    @Test
    void plansAreReadShardByShardFromAGivenEndDay() {
        LocalDate end = LocalDate.of(2090, 1, 1).plusDays((long) (Math.random() * 3000));
        List<Aspirant> saved = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Aspirant a = aspirant(StaffFixtures.e164(StaffFixtures.mobile()), null, end.plusDays(i));
            repository.save(a);
            saved.add(a);
        }
        List<String> found = new ArrayList<>();
        for (int shard = 0; shard < AspirantRepository.PLAN_SHARDS; shard++) {
            String cursor = null;
            LocalDate previous = null;
            do {
                Page<Aspirant> page = repository.withPlanEndingOnOrAfter(shard, end, 2, cursor);
                for (Aspirant a : page.items()) {
                    assertEquals(shard, AspirantItem.shardOf(a.id()));
                    assertTrue(previous == null || !a.plan().end().isBefore(previous));
                    previous = a.plan().end();
                    found.add(a.id());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        assertEquals(saved.stream().map(Aspirant::id).sorted().toList(), found.stream().sorted().toList());
    }
}
