package se.vagen.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.checkin.HelpTopic.*;
import static se.vagen.checkin.Participation.*;
import static se.vagen.forum.Fixtures.*;
import static se.vagen.forum.ForumStatus.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.OptOuts;
import se.vagen.aspirant.PauseReason;
import se.vagen.checkin.CheckIn;
import se.vagen.common.Channel;

class ClassifierTest {

    private static final Classifier CLASSIFIER = new Classifier(ForumRules.defaults());
    private static final String AK = "arbetskonsulent";
    private static final String BH = "biståndshandläggare";
    private static final String BK = "bostadskonsulent";
    private static final String SYV = "studie- och yrkesvägledare";
    private static final String AF = "Arbetsförmedlingen";

    static Stream<Arguments> cases() {
        Aspirant plain = aspirant("Plain").build();
        Aspirant ownedByAf = aspirant("Owned").owner(AF).build();
        return Stream.of(
                // name, aspirant, check-ins, status, reason codes (most serious first), suggested role
                Arguments.of("on track", plain, List.of(answered("2026-W47", YES, 4, NONE)), ON_TRACK, List.of(), null),
                Arguments.of("no check-ins, old plan", plain, List.of(), ON_TRACK, List.of(), null),
                Arguments.of("missed 1", plain, List.of(missed("2026-W47"), answered("2026-W46", YES, 4)),
                        ON_TRACK, List.of(), null),
                Arguments.of("missed 2", plain, List.of(missed("2026-W47"), missed("2026-W46"),
                        answered("2026-W45", YES, 4)), AT_RISK, List.of("MISSED_CHECKINS"), AK),
                Arguments.of("open past cycle counts as missed", plain, List.of(open("2026-W47"), missed("2026-W46")),
                        AT_RISK, List.of("MISSED_CHECKINS"), AK),
                Arguments.of("current week ignored", plain, List.of(missed("2026-W48"), missed("2026-W47"),
                        answered("2026-W46", YES, 4)), ON_TRACK, List.of(), null),
                Arguments.of("missed not in a row", plain, List.of(missed("2026-W47"), answered("2026-W46", YES, 4),
                        missed("2026-W45")), ON_TRACK, List.of(), null),
                Arguments.of("latest participation NO", plain, List.of(answered("2026-W47", NO, 4)),
                        AT_RISK, List.of("NOT_PARTICIPATING"), AK),
                Arguments.of("NO earlier, YES latest", plain, List.of(answered("2026-W47", YES, 4),
                        answered("2026-W46", NO, 4)), ON_TRACK, List.of(), null),
                Arguments.of("PARTLY twice", plain, List.of(answered("2026-W47", PARTLY, 4),
                        answered("2026-W46", PARTLY, 4)), AT_RISK, List.of("NOT_PARTICIPATING"), AK),
                Arguments.of("PARTLY once", plain, List.of(answered("2026-W47", PARTLY, 4),
                        answered("2026-W46", YES, 4)), ON_TRACK, List.of(), null),
                Arguments.of("wellbeing 2", plain, List.of(answered("2026-W47", YES, 2)),
                        AT_RISK, List.of("LOW_WELLBEING"), AK),
                Arguments.of("wellbeing 3", plain, List.of(answered("2026-W47", YES, 3)), ON_TRACK, List.of(), null),
                Arguments.of("help housing", plain, List.of(answered("2026-W47", YES, 4, HOUSING)),
                        AT_RISK, List.of("HELP_HOUSING"), BK),
                Arguments.of("help money", plain, List.of(answered("2026-W47", YES, 4, MONEY)),
                        AT_RISK, List.of("HELP_MONEY"), BH),
                Arguments.of("help studies", plain, List.of(answered("2026-W47", YES, 4, STUDIES)),
                        AT_RISK, List.of("HELP_STUDIES"), SYV),
                Arguments.of("help work", plain, List.of(answered("2026-W47", YES, 4, WORK)),
                        AT_RISK, List.of("HELP_WORK"), AK),
                Arguments.of("help health", plain, List.of(answered("2026-W47", YES, 4, HEALTH)),
                        AT_RISK, List.of("HELP_HEALTH"), BH),
                Arguments.of("help childcare", plain, List.of(answered("2026-W47", YES, 4, CHILDCARE)),
                        AT_RISK, List.of("HELP_CHILDCARE"), BH),
                Arguments.of("help other -> owner role", ownedByAf, List.of(answered("2026-W47", YES, 4, OTHER)),
                        AT_RISK, List.of("HELP_OTHER"), AF),
                Arguments.of("free text -> owner role", ownedByAf,
                        List.of(answered("2026-W47", YES, 4, "Jag har en fråga", NONE)),
                        AT_RISK, List.of("FREE_TEXT"), AF),
                Arguments.of("no owner -> default role", aspirant("Nobody").owner(null).build(),
                        List.of(answered("2026-W47", YES, 4, OTHER)), AT_RISK, List.of("HELP_OTHER"), AK),
                Arguments.of("help in an older check-in is not current", plain, List.of(answered("2026-W47", YES, 4),
                        answered("2026-W46", YES, 4, HOUSING)), ON_TRACK, List.of(), null),
                Arguments.of("several topics, most serious role", plain,
                        List.of(answered("2026-W47", YES, 4, WORK, MONEY, HOUSING)),
                        AT_RISK, List.of("HELP_HOUSING", "HELP_MONEY", "HELP_WORK"), BK),
                Arguments.of("opted out of sms", aspirant("Stop").owner(BH).optedOut(new OptOuts(true, false)).build(),
                        List.of(answered("2026-W47", YES, 4)), AT_RISK, List.of("OPTED_OUT"), BH),
                Arguments.of("opted out of the other channel", aspirant("Mail").optedOut(new OptOuts(false, true))
                        .channel(Channel.SMS).build(), List.of(answered("2026-W47", YES, 4)), ON_TRACK, List.of(), null),
                Arguments.of("ending in 28 days", aspirant("End").end(MONDAY.plusDays(28)).build(),
                        List.of(answered("2026-W47", YES, 4)), ENDING, List.of("ENDING"), AK),
                Arguments.of("ending in 29 days", aspirant("End").end(MONDAY.plusDays(29)).build(),
                        List.of(answered("2026-W47", YES, 4)), ON_TRACK, List.of(), null),
                Arguments.of("ending on the Monday", aspirant("End").end(MONDAY).build(),
                        List.of(answered("2026-W47", YES, 4)), ENDING, List.of("ENDING"), AK),
                Arguments.of("at risk beats ending", aspirant("End").end(MONDAY.plusDays(10)).build(),
                        List.of(answered("2026-W47", NO, 4)), AT_RISK, List.of("NOT_PARTICIPATING", "ENDING"), AK),
                Arguments.of("new: started 14 days ago", aspirant("New").owner(SYV).start(MONDAY.minusDays(14)).build(),
                        List.of(), NEW, List.of("NEW"), SYV),
                Arguments.of("not new: started 15 days ago", aspirant("New").start(MONDAY.minusDays(15)).build(),
                        List.of(), ON_TRACK, List.of(), null),
                Arguments.of("new: started on the Monday", aspirant("New").start(MONDAY).build(),
                        List.of(open("2026-W48")), NEW, List.of("NEW"), AK),
                Arguments.of("not new once a cycle is answered", aspirant("New").start(MONDAY.minusDays(7)).build(),
                        List.of(answered("2026-W47", YES, 4)), ON_TRACK, List.of(), null),
                Arguments.of("not new once a cycle is missed", aspirant("New").start(MONDAY.minusDays(7)).build(),
                        List.of(missed("2026-W47")), ON_TRACK, List.of(), null),
                Arguments.of("ending beats new", aspirant("Short").start(MONDAY.minusDays(3)).end(MONDAY.plusDays(20))
                        .build(), List.of(), ENDING, List.of("ENDING", "NEW"), AK),
                Arguments.of("paused: missed check-ins do not count",
                        aspirant("Paus").pause(MONDAY.minusDays(30), MONDAY.plusDays(30), PauseReason.PARENTAL_LEAVE)
                                .build(), List.of(missed("2026-W47"), missed("2026-W46"), missed("2026-W45")),
                        PAUSED, List.of("PAUSED"), AK),
                Arguments.of("paused from the Monday", aspirant("Paus").pause(MONDAY, MONDAY.plusDays(30),
                        PauseReason.SICK_LEAVE).build(), List.of(answered("2026-W47", NO, 4)), PAUSED, List.of("PAUSED"), AK),
                Arguments.of("pause ended the Sunday before", aspirant("Paus").pause(MONDAY.minusDays(30),
                        MONDAY.minusDays(1), PauseReason.SICK_LEAVE).build(), List.of(answered("2026-W47", YES, 4)),
                        ON_TRACK, List.of(), null),
                Arguments.of("paused but asks for help", aspirant("Paus").pause(MONDAY.minusDays(3), MONDAY.plusDays(30),
                        PauseReason.OTHER).build(), List.of(answered("2026-W47", NO, 4, HOUSING)),
                        AT_RISK, List.of("HELP_HOUSING", "PAUSED"), BK),
                Arguments.of("paused beats ending", aspirant("Paus").end(MONDAY.plusDays(5))
                        .pause(MONDAY.minusDays(3), MONDAY.plusDays(5), PauseReason.OTHER).build(),
                        List.of(answered("2026-W47", YES, 4)), PAUSED, List.of("PAUSED", "ENDING"), AK),
                Arguments.of("seriousness order", plain, List.of(missed("2026-W47"), missed("2026-W46"),
                        answered("2026-W45", YES, 1, HOUSING)), AT_RISK,
                        List.of("LOW_WELLBEING", "HELP_HOUSING", "MISSED_CHECKINS"), AK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifies(String name, Aspirant aspirant, List<CheckIn> checkIns, ForumStatus status, List<String> codes,
                    String role) {
        Classification c = CLASSIFIER.classify(MONDAY, aspirant, checkIns);
        assertEquals(status, c.status(), "status");
        assertEquals(codes, c.reasons().stream().map(Reason::code).toList(), "reasons");
        assertEquals(role, c.suggestedRole(), "suggested role");
    }

    @Test
    void textsCarryTheDetails() {
        Classification paused = CLASSIFIER.classify(MONDAY, aspirant("P").pause(MONDAY.minusDays(1),
                MONDAY.plusDays(60), PauseReason.PARENTAL_LEAVE).build(), List.of());
        assertEquals("Planen är pausad (föräldraledighet) till och med 2027-01-22", paused.reasons().get(0).text());
        Classification missed = CLASSIFIER.classify(MONDAY, aspirant("M").build(),
                List.of(missed("2026-W47"), missed("2026-W46"), missed("2026-W45")));
        assertEquals("Har missat 3 avstämningar i rad", missed.reasons().get(0).text());
        Classification ending = CLASSIFIER.classify(MONDAY, aspirant("E").end(MONDAY.plusDays(28)).build(), List.of());
        assertEquals("Planen slutar 2026-12-21 (om 28 dagar): planera nästa steg", ending.reasons().get(0).text());
        Classification partly = CLASSIFIER.classify(MONDAY, aspirant("D").build(),
                List.of(answered("2026-W47", PARTLY, 4), answered("2026-W46", PARTLY, 4)));
        assertTrue(partly.reasons().get(0).text().contains("delvis"));
        Classification low = CLASSIFIER.classify(MONDAY, aspirant("L").build(), List.of(answered("2026-W47", YES, 1)));
        assertEquals("Mår dåligt: svarade 1 av 5 på hur hen mår", low.reasons().get(0).text());
    }

    @Test
    void everyConfiguredReasonIsReachable() {
        // The default rules file lists exactly the codes the table above exercises.
        List<String> configured = ForumRules.defaults().reasons().stream().map(ForumRules.ReasonRule::code).toList();
        assertEquals(List.of("LOW_WELLBEING", "HELP_HOUSING", "HELP_MONEY", "HELP_HEALTH", "HELP_CHILDCARE",
                "MISSED_CHECKINS", "NOT_PARTICIPATING", "OPTED_OUT", "HELP_WORK", "HELP_STUDIES", "HELP_OTHER",
                "FREE_TEXT", "PAUSED", "ENDING", "NEW"), configured);
    }
}
