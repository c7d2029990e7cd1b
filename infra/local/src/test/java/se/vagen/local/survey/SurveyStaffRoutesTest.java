package se.vagen.local.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Who may read survey results and start the campaign, and what bad input gets. */
class SurveyStaffRoutesTest {

    private final SurveyFixtures f = new SurveyFixtures();

    @Test
    void resultsNeedAStaffToken() {
        assertEquals(401, f.stack.get("/staff/surveys/2031/results", null).statusCode());
        assertEquals(401, f.stack.get("/staff/surveys/2031/results.csv", null).statusCode());
        assertEquals(401, f.stack.get("/staff/surveys/2031/report", null).statusCode());
        assertEquals(403, f.stack.get("/staff/surveys/2031/results", f.stack.staffToken("nils", "visitors")).statusCode());
    }

    @Test
    void aYearWithoutAnswersHasNullFiguresAndABadYearIs400() throws Exception {
        String token = f.stack.staffToken("sara", "staff");
        JsonNode empty = f.results("2099");
        assertEquals(0, empty.path("invited").asInt());
        assertEquals(0, empty.path("answered").asInt());
        assertTrue(empty.path("nki").isNull());
        assertTrue(empty.path("shareSatisfied").isNull());
        assertEquals(6, empty.path("factors").size());
        assertEquals(200, f.stack.get("/staff/surveys/2099/report", token).statusCode());
        HttpResponse<String> bad = f.stack.get("/staff/surveys/nineteen/results", token);
        assertEquals(400, bad.statusCode());
        assertTrue(SurveyFixtures.JSON.readTree(bad.body()).has("message"), bad.body());
    }

    @Test
    void onlyAdminsStartTheCampaignAndOnlyForThisYear() throws Exception {
        f.assumeMailCanBeSent();
        String year = String.valueOf(LocalDate.now(ZoneId.of("Europe/Stockholm")).getYear());
        String address = f.email("staffstart");
        f.employer("Kultur", LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(3), address);

        assertEquals(403, f.stack.post("/staff/surveys/" + year + "/campaign", "application/json", "{}",
                f.stack.staffToken("sara", "staff")).statusCode());
        assertEquals(0, f.mails(address).size());
        String admin = f.stack.staffToken("ali", "staff", "admin");
        assertEquals(409, f.stack.post("/staff/surveys/2001/campaign", "application/json", "{}", admin).statusCode());

        HttpResponse<String> started = f.stack.post("/staff/surveys/" + year + "/campaign", "application/json", "{}", admin);
        assertEquals(200, started.statusCode(), started.body());
        assertEquals(year, SurveyFixtures.JSON.readTree(started.body()).path("year").asText());
        assertEquals(1, f.mails(address).size());
        // pressing it again sends nothing twice
        assertEquals(200, f.stack.post("/staff/surveys/" + year + "/campaign", "application/json", "{}", admin).statusCode());
        assertEquals(1, f.mails(address).size());
    }
}
