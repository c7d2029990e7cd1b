package se.vagen.aspirant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.validation.FieldError;
import se.vagen.validation.JsonEdits;
import se.vagen.validation.ValidationException;

class AspirantParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    /** The example of API.md. */
    static final String VALID = """
            {
              "name": "Amina Yusuf",
              "phone": "070-123 45 67",
              "email": "amina@example.org",
              "language": "so",
              "channel": "sms",
              "contactRoleOwner": "arbetskonsulent",
              "plan": {
                "start": "2026-09-01",
                "end": "2027-02-28",
                "activities": [
                  { "type": "SFI", "hoursPerWeek": 15, "provider": "Täby kompetenscenter",
                    "start": "2026-09-01", "end": "2027-02-28" }
                ],
                "pauses": [
                  { "start": "2026-12-01", "end": "2027-01-31", "reason": "PARENTAL_LEAVE" }
                ]
              },
              "checkInCadence": "WEEKLY"
            }
            """;

    @Test
    void readsTheApiExample() {
        AspirantDraft draft = AspirantParser.parse(JsonEdits.read(VALID), TODAY);
        assertEquals("Amina Yusuf", draft.name());
        assertEquals("+46701234567", draft.phone());
        assertEquals("amina@example.org", draft.email());
        assertEquals(Language.SO, draft.language());
        assertEquals(Channel.SMS, draft.channel());
        assertEquals("arbetskonsulent", draft.ownerRole());
        assertEquals(Cadence.WEEKLY, draft.cadence());
        assertEquals(new ActivityPlan(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 2, 28),
                List.of(new Activity(ActivityType.SFI, 15, "Täby kompetenscenter", LocalDate.of(2026, 9, 1),
                        LocalDate.of(2027, 2, 28))),
                List.of(new PlanPause(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31), PauseReason.PARENTAL_LEAVE))),
                draft.plan());
        assertEquals(Profile.EMPTY, draft.profile());
    }

    @ParameterizedTest(name = "{0} = {1} -> ok")
    @CsvSource(delimiter = '|', value = {
        "phone                          | \"+46 70 123 45 67\"            ",
        "phone                          | \"0046701234567\"               ",
        "checkInCadence                 | REMOVE                          ",
        "checkInCadence                 | \"biweekly\"                    ",
        "contactRoleOwner               | \"Studie- och yrkesvägledare\"   ",
        "contactRoleOwner               | \"bistandshandlaggare\"          ",
        "language                       | \"UK\"                          ",
        "channel && phone               | \"email\" && \"08-123 456 78\"  ",
        "channel && phone               | \"email\" && REMOVE             ",
        "email                          | REMOVE                          ",
        "plan.activities[0].hoursPerWeek| 7.5                             ",
        "plan.activities[0].hoursPerWeek| 0                               ",
        "plan.activities[0].hoursPerWeek| 60                              ",
        "plan.activities[0].start && plan.activities[0].end | REMOVE && REMOVE",
        "plan.activities[0].type        | \"praktik\"                     ",
        "plan.activities[0].provider    | REMOVE                          ",
        "plan.activities                | []                              ",
        "plan.pauses                    | REMOVE                          ",
        "plan.end && plan.activities && plan.pauses | \"2026-09-01\" && [] && []",
        "profile                        | {\"gender\":\"FEMALE\",\"birthYear\":1990,\"educationLevel\":\"SECONDARY\",\"previousOccupation\":\"Sjuksköterska\"}",
        "profile                        | {}                              ",
        "name                           | \"  Amina Yusuf  \"             ",
    })
    void acceptsValidVariants(String path, String value) {
        ObjectNode body = JsonEdits.edit(JsonEdits.read(VALID), path, value);
        AspirantParser.parse(body, TODAY);
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        // contact details
        "phone                           | \"070-123\"              | phone                           | phone.invalid",
        "phone                           | \"08-123 456 78\"        | phone                           | phone.not-mobile",
        "phone                           | REMOVE                   | phone                           | phone.required-for-sms",
        "phone                           | 701234567                | phone                           | type.text",
        "email                           | \"amina@example\"        | email                           | email.invalid",
        "channel && email                | \"email\" && REMOVE      | email                           | email.required-for-email",
        // codes
        "language                        | \"de\"                   | language                        | language.unknown",
        "language                        | REMOVE                   | language                        | field.required",
        "channel                         | \"fax\"                  | channel                         | channel.unknown",
        "contactRoleOwner                | \"chef\"                 | contactRoleOwner                | role.unknown",
        "contactRoleOwner                | REMOVE                   | contactRoleOwner                | field.required",
        "checkInCadence                  | \"DAILY\"                | checkInCadence                  | cadence.unknown",
        // names
        "name                            | REMOVE                   | name                            | field.required",
        "name                            | \"   \"                  | name                            | field.required",
        "name                            | \"Anna\\u0000Berg\"      | name                            | text.control-characters",
        "name                            | \"Anna\\nBerg\"          | name                            | text.control-characters",
        "name                            | [\"Amina\"]              | name                            | type.text",
        // plan
        "plan                            | REMOVE                   | plan                            | field.required",
        "plan                            | \"2026-09-01\"           | plan                            | type.object",
        "plan.end                        | \"2026-08-31\"           | plan.end                        | plan.end-before-start",
        "plan.end                        | \"2032-09-01\"           | plan.end                        | plan.too-long",
        "plan.start                      | \"2026-02-30\"           | plan.start                      | date.invalid",
        "plan.start                      | \"2026-13-01\"           | plan.start                      | date.invalid",
        "plan.start                      | \"01/09/2026\"           | plan.start                      | date.invalid",
        "plan.start                      | 20260901                 | plan.start                      | type.text",
        "plan.end                        | \"3026-01-01\"           | plan.end                        | date.out-of-range",
        "plan.activities                 | {}                       | plan.activities                 | type.array",
        "plan.activities[0]              | \"SFI\"                  | plan.activities[0]              | type.object",
        "plan.activities[0].type         | \"YOGA\"                 | plan.activities[0].type         | activity.type.unknown",
        "plan.activities[0].hoursPerWeek | -1                       | plan.activities[0].hoursPerWeek | activity.hours.negative",
        "plan.activities[0].hoursPerWeek | 61                       | plan.activities[0].hoursPerWeek | activity.hours.too-many",
        "plan.activities[0].hoursPerWeek | \"15\"                   | plan.activities[0].hoursPerWeek | type.number",
        "plan.activities[0].hoursPerWeek | REMOVE                   | plan.activities[0].hoursPerWeek | field.required",
        "plan.activities[0].end          | \"2026-08-01\"           | plan.activities[0].end          | activity.end-before-start",
        "plan.activities[0].end          | \"2027-03-31\"           | plan.activities[0].end          | activity.outside-plan",
        "plan.activities[0].colour       | \"red\"                  | plan.activities[0].colour       | field.unknown",
        "plan.pauses[0].reason           | \"HOLIDAY\"              | plan.pauses[0].reason           | pause.reason.unknown",
        "plan.pauses[0].end              | \"2026-11-01\"           | plan.pauses[0].end              | pause.end-before-start",
        "plan.pauses[0].start            | \"2026-08-01\"           | plan.pauses[0].start            | pause.outside-plan",
        "plan.pauses[1]                  | {\"start\":\"2027-01-01\",\"end\":\"2027-01-10\",\"reason\":\"SICK_LEAVE\"} | plan.pauses[1].start | pause.overlap",
        "plan.pauses[0].start            | \"2026-12-32\"           | plan.pauses[0].start            | date.invalid",
        // profile
        "profile                         | {\"gender\":\"X\"}       | profile.gender                  | gender.unknown",
        "profile                         | {\"birthYear\":1850}     | profile.birthYear               | birthyear.out-of-range",
        "profile                         | {\"birthYear\":2020}     | profile.birthYear               | birthyear.out-of-range",
        "profile                         | {\"birthYear\":1990.5}   | profile.birthYear               | type.integer",
        "profile                         | {\"educationLevel\":\"PHD\"} | profile.educationLevel      | education.unknown",
        "profile                         | {\"shoeSize\":42}        | profile.shoeSize                | field.unknown",
        // unknown fields
        "nickname                        | \"Ami\"                  | nickname                        | field.unknown",
        "plan.budget                     | 100                      | plan.budget                     | field.unknown",
    })
    void reportsTheFieldAtFault(String path, String value, String field, String code) {
        ObjectNode body = JsonEdits.edit(JsonEdits.read(VALID), path, value);
        ValidationException e = assertThrows(ValidationException.class, () -> AspirantParser.parse(body, TODAY));
        assertTrue(e.errors().contains(error(e, field, code)), () -> "expected " + field + "/" + code + " in " + e.errors());
    }

    @Test
    void namesOverTwoHundredCharactersAreRefused() {
        ObjectNode body = JsonEdits.read(VALID);
        body.put("name", "A".repeat(201));
        ValidationException e = assertThrows(ValidationException.class, () -> AspirantParser.parse(body, TODAY));
        assertEquals(List.of("name/text.too-long"), codes(e));
        body.put("name", "A".repeat(200));
        AspirantParser.parse(body, TODAY);
    }

    @Test
    void reportsEveryFaultAtOnce() {
        ObjectNode body = JsonEdits.read(VALID);
        JsonEdits.edit(body, "phone && email && language && plan.end && plan.activities[0].hoursPerWeek && extra",
                "\"12\" && \"nope\" && \"xx\" && \"2026-02-30\" && -3 && 1");
        ValidationException e = assertThrows(ValidationException.class, () -> AspirantParser.parse(body, TODAY));
        assertEquals(List.of("extra/field.unknown", "language/language.unknown", "phone/phone.invalid",
                "email/email.invalid", "plan.end/date.invalid", "plan.activities[0].hoursPerWeek/activity.hours.negative"),
                codes(e));
        e.errors().forEach(err -> assertTrue(!err.message().isBlank()));
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneFault() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> AspirantParser.parse(JsonEdits.MAPPER.createArrayNode(), TODAY));
        assertEquals(List.of("$/body.not-object"), codes(e));
    }

    static List<String> codes(ValidationException e) {
        return e.errors().stream().map(err -> err.field() + "/" + err.code()).toList();
    }

    private static FieldError error(ValidationException e, String field, String code) {
        return e.errors().stream().filter(err -> err.field().equals(field) && err.code().equals(code)).findFirst()
                .orElse(new FieldError(field, code, "(missing)"));
    }
}
