package org.carethread.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.routing.DirectoryStaff.admin;
import static org.carethread.routing.DirectoryStaff.carrierDigits;
import static org.carethread.routing.DirectoryStaff.newSubscriber;
import static org.carethread.routing.DirectoryStaff.northFrontDesk;
import static org.carethread.routing.DirectoryStaff.token;
import static org.carethread.routing.InboundMessages.decided;
import static org.carethread.routing.InboundMessages.decisionsFor;
import static org.carethread.routing.InboundMessages.publish;
import static org.carethread.routing.InboundMessages.record;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.RoutingDecided;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The admins' routing-rule API, hours and absences, against the real database and broker. Rules, hours and absences
 * are shared by every test class of the module: whatever a test changes it puts back (the rules as a new version with
 * the demo rules again), and the staff it sets away have names no one else uses.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class RoutingRulesApiTest {
    private static final String NORTH = "15550001001";
    private static final String PROBLEM = "application/problem+json";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<String> DEMO_RULE_IDS = List.of("billing", "refills", "scheduling", "urgent-clinical",
            "clinical-to-provider");
    /** Tuesday 24 November 2026, 10:00 in New York: North is open. */
    private static final Instant TUESDAY_10AM = Instant.parse("2026-11-24T15:00:00Z");

    // ---------------------------------------------------------------------------------------- rules in force

    @Test
    void anAdminSeesTheDemoRulesInForceInOrder() {
        JsonPath rules = given().auth().oauth2(admin())
                .when().get("/api/routing/rules")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        assertTrue(rules.getInt("version") >= 1, "version " + rules.getInt("version"));
        assertEquals(DEMO_RULE_IDS, rules.getList("rules.id"));
        assertEquals(List.of("{location}-billing"), rules.getList("rules.findAll { it.id == 'billing' }.then.queue"));
        assertEquals("primary-provider", rules.getString("rules.find { it.id == 'clinical-to-provider' }.then.directTo"));
        assertTrue(rules.getString("createdBy") != null && rules.getString("createdAt") != null);
    }

    @Test
    void onlyPracticeAdminsManageTheRules() {
        given().auth().oauth2(northFrontDesk())
                .when().get("/api/routing/rules")
                .then().statusCode(403).contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("type", equalTo("urn:carethread:problem:forbidden"));
        given().auth().oauth2(token("sue.supervisor", "supervisor", "north"))
                .when().get("/api/routing/rules/versions")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("basedOn", -1, "rules", List.of())) // were it let through, -1 would save nothing
                .when().put("/api/routing/rules")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", NORTH, "text", "refill please"))
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void withoutATokenTheRulesAnswer401() {
        given().when().get("/api/routing/rules")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-token").when().get("/api/routing/rules")
                .then().statusCode(401).contentType(PROBLEM);
    }

    // ------------------------------------------------------------------------------------------------ saving

    @Test
    void invalidRulesAreRefusedFieldByFieldAndTheVersionInForceStays() {
        int before = currentVersion();
        List<Map<String, Object>> rules = new ArrayList<>(demoRules());
        rules.add(0, rule("parking", "Parking questions", Map.of("categories", List.of("parking")),
                Map.of("queue", "{location}-front-desk")));
        rules.add(rule("urgent-to-top", "Urgent to the top", Map.of("urgencies", List.of("emergency")),
                Map.of("priority", "critical")));

        JsonPath problem = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("basedOn", before, "rules", rules, "comment", "should not be saved"))
                .when().put("/api/routing/rules")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:carethread:problem:invalid-fields"))
                .body("status", equalTo(422))
                .extract().jsonPath();
        assertEquals(List.of("rules[0].when.categories", "rules[6].when.urgencies", "rules[6].then.priority"),
                problem.getList("errors.field"));
        assertFalse(problem.getString("errors[0].problem").isBlank());

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("basedOn", before, "rules", List.of(rule("lab", "Lab everywhere", Map.of(),
                        Map.of("queue", "{location}-lab")))))
                .when().put("/api/routing/rules")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("rules[0].then.queue"));

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("rules", demoRules()))
                .when().put("/api/routing/rules")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("basedOn")));

        // A field a rule does not have (a misspelt "queue", say) is refused, not dropped: the rule would do otherwise.
        Map<String, Object> misspelt = rule("billing-desk", "Billing to the desk", Map.of("categories", List.of("billing")),
                Map.of("queu", "{location}-front-desk"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("basedOn", before, "rules", List.of(misspelt)))
                .when().put("/api/routing/rules")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:carethread:problem:invalid-fields"))
                .body("errors.field", equalTo(List.of("rules[0].then.queu")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", NORTH, "text", "a question about my bill", "rules", List.of(misspelt)))
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("rules[0].then.queu")));

        assertEquals(before, currentVersion(), "nothing was saved");
        assertEquals(DEMO_RULE_IDS, given().auth().oauth2(admin()).when().get("/api/routing/rules")
                .then().statusCode(200).extract().jsonPath().getList("rules.id"));
    }

    @Test
    void savingOverAVersionSomeoneElseReplacedIsAConflict() {
        int before = currentVersion();
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("basedOn", before - 1, "rules", demoRules(), "comment", "stale edit"))
                .when().put("/api/routing/rules")
                .then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("type", equalTo("urn:carethread:problem:rules-changed"))
                .body("detail", containsString("version " + before + " is in force"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("basedOn", before + 1, "rules", demoRules()))
                .when().put("/api/routing/rules")
                .then().statusCode(409).contentType(PROBLEM);
        assertEquals(before, currentVersion());
    }

    @Test
    void aNewKeywordRuleFirstRoutesTheNextMessageThroughTheBrokerAndTheOldRulesComeBack() {
        JsonPath inForce = given().auth().oauth2(admin()).when().get("/api/routing/rules")
                .then().statusCode(200).extract().jsonPath();
        int previous = inForce.getInt("version");
        List<Map<String, Object>> previousRules = inForce.getList("rules");
        String keyword = "pigeon" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String ruleId = "courier-" + keyword;
        List<Map<String, Object>> withKeyword = new ArrayList<>(previousRules);
        withKeyword.add(0, rule(ruleId, "Courier pigeon post goes to scheduling", Map.of("keywords", List.of(keyword)),
                Map.of("queue", "{location}-scheduling", "priority", "low")));

        JsonPath saved = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("basedOn", previous, "rules", withKeyword, "comment", "pigeon post first"))
                .when().put("/api/routing/rules")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        int keywordVersion = saved.getInt("version");
        try {
            assertEquals(previous + 1, keywordVersion);
            assertEquals("ada.admin", saved.getString("createdBy"));
            assertEquals("pigeon post first", saved.getString("comment"));
            assertEquals(ruleId, saved.getString("rules[0].id"));
            assertEquals("array", DirectoryStaff.rows("select jsonb_typeof(rules) as kind from routing_rule_set"
                    + " where version = ?", keywordVersion).get(0).get("kind"), "stored as JSON rules, not a string");

            String phone = carrierDigits(newSubscriber());
            String text = "Could you send my vaccine record by " + keyword.toUpperCase() + " please?";
            JsonPath predicted = dryRun(Map.of("practiceNumber", NORTH, "text", text, "from", "+" + phone,
                    "at", TUESDAY_10AM.toString()));
            assertEquals(ruleId, predicted.getString("ruleId"));
            assertEquals(keywordVersion, predicted.getInt("rulesVersion"));

            RoutingDecided decision = route(phone, text, TUESDAY_10AM);
            assertEquals(ruleId, decision.ruleId(), "the new rule comes first");
            assertEquals(keywordVersion, decision.rulesVersion(), "the decision names the version it was made with");
            assertEquals("north-scheduling", decision.queue());
            assertEquals("low", decision.priority());
            assertTrue(decision.reason().contains("Rule " + ruleId + " (rules v" + keywordVersion + ") matched"),
                    decision.reason());
            assertEquals(predicted.getString("queue"), decision.queue());
            assertEquals(predicted.getString("reason"), decision.reason());

            given().auth().oauth2(admin()).when().get("/api/routing/rules/versions/" + keywordVersion)
                    .then().statusCode(200)
                    .body("version", equalTo(keywordVersion))
                    .body("rules[0].id", equalTo(ruleId))
                    .body("rules[0].when.keywords", equalTo(List.of(keyword)));
        } finally {
            given().auth().oauth2(admin()).contentType(ContentType.JSON)
                    .body(Map.of("basedOn", keywordVersion, "rules", previousRules, "comment", "back to the demo rules"))
                    .when().put("/api/routing/rules")
                    .then().statusCode(200)
                    .body("version", equalTo(keywordVersion + 1));
        }

        int restored = keywordVersion + 1;
        JsonPath now = given().auth().oauth2(admin()).when().get("/api/routing/rules")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(restored, now.getInt("version"));
        assertEquals(DEMO_RULE_IDS, now.getList("rules.id"));

        JsonPath history = given().auth().oauth2(admin()).when().get("/api/routing/rules/versions")
                .then().statusCode(200).extract().jsonPath();
        List<Integer> versions = history.getList("version", Integer.class);
        assertEquals(List.of(restored, keywordVersion, previous), versions.subList(0, 3), "newest first");
        assertEquals(ruleId, history.getString("find { it.version == " + keywordVersion + " }.rules[0].id"));
        assertEquals(DEMO_RULE_IDS, history.getList("find { it.version == " + previous + " }.rules.id"));
        assertEquals(1, versions.get(versions.size() - 1), "the demo's version 1 is kept");

        JsonPath after = dryRun(Map.of("practiceNumber", NORTH, "text",
                "Could you send my vaccine record by " + keyword + " please?", "at", TUESDAY_10AM.toString()));
        assertFalse(ruleId.equals(after.getString("ruleId")), "the keyword rule is gone");
        assertEquals(restored, after.getInt("rulesVersion"));
    }

    @Test
    void anUnknownVersionIsNotFound() {
        given().auth().oauth2(admin()).when().get("/api/routing/rules/versions/99999")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:carethread:problem:unknown-rules-version"));
        given().auth().oauth2(admin()).when().get("/api/routing/rules/versions/latest")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin()).when().get("/api/routing/rules/versions/1")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("createdBy", equalTo("carethread-setup"))
                .body("rules.id", equalTo(DEMO_RULE_IDS));
    }

    // ----------------------------------------------------------------------------------------------- dry run

    @Test
    void aDryRunWithADraftAnswersWithTheDraftsRuleAndSavesNothing() {
        JsonPath before = given().auth().oauth2(admin()).when().get("/api/routing/rules")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> draft = List.of(rule("copay-desk", "Copay questions to billing, high",
                Map.of("keywords", List.of("copay")), Map.of("queue", "{location}-billing", "priority", "high")));

        JsonPath answer = dryRun(Map.of("practiceNumber", NORTH, "text", "What is my COPAY for a visit?",
                "at", TUESDAY_10AM.toString(), "rules", draft));
        assertEquals("north", answer.getString("locationCode"));
        assertEquals("copay-desk", answer.getString("ruleId"));
        assertEquals("north-billing", answer.getString("queue"));
        assertEquals("high", answer.getString("priority"));
        assertEquals("new-contact", answer.getString("identity"));
        assertNull(answer.get("rulesVersion"), "a draft has no version");
        assertTrue(answer.getString("reason").contains("(draft rules)"), answer.getString("reason"));
        assertEquals(TUESDAY_10AM, Instant.parse(answer.getString("clockStartsAt")));

        JsonPath inForce = dryRun(Map.of("practiceNumber", NORTH, "text", "What is my COPAY for a visit?",
                "at", TUESDAY_10AM.toString()));
        assertFalse("copay-desk".equals(inForce.getString("ruleId")));
        assertEquals(before.getInt("version"), inForce.getInt("rulesVersion"));

        JsonPath after = given().auth().oauth2(admin()).when().get("/api/routing/rules")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(before.getInt("version"), after.getInt("version"), "a dry run saves no version");
        assertEquals(DEMO_RULE_IDS, after.getList("rules.id"));
    }

    @Test
    void aSupervisorMayDryRunAndAnInvalidDraftIsRefused() {
        given().auth().oauth2(token("sue.supervisor", "supervisor", "north")).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", "+1 555 000 1001", "text", "Can I book a checkup next week?",
                        "at", TUESDAY_10AM.toString()))
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(200)
                .body("locationCode", equalTo("north"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", NORTH, "text", "hello", "rules",
                        List.of(rule("bad", "bad", Map.of(), Map.of("priority", "critical")))))
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("rules[0].then.priority")));
    }

    @Test
    void aDryRunNeedsATextAndTheNumberOfALocation() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", NORTH))
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("text")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", NORTH, "text", "   "))
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("text")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", "15559999999", "text", "Can I book a checkup?"))
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("practiceNumber")))
                .body("detail", not(containsString("15559999999")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("text", "Can I book a checkup?"))
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("practiceNumber")));
    }

    // ------------------------------------------------------------------------------------------------- hours

    @Test
    void anyStaffMemberSeesNorthsHoursWithTheLunchBreakAndThanksgiving() {
        JsonPath hours = given().auth().oauth2(northFrontDesk())
                .when().get("/api/routing/locations/north/hours")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        assertEquals("America/New_York", hours.getString("timeZone"));
        assertEquals(List.of("08:00", "13:30"), hhmm(hours.getList("weekly.findAll { it.day == 'MONDAY' }.opens")));
        assertEquals(List.of("12:30", "17:00"), hhmm(hours.getList("weekly.findAll { it.day == 'MONDAY' }.closes")));
        assertEquals(10, hours.getList("weekly").size(), "two intervals on each weekday");
        assertEquals(List.of(), hours.getList("weekly.findAll { it.day == 'SATURDAY' || it.day == 'SUNDAY' }"));
        assertEquals("Thanksgiving", hours.getString("holidays.find { it.date == '2026-11-26' }.name"));
        assertTrue(hours.getInt("autoReplyIntervalMinutes") > 0);

        given().when().get("/api/routing/locations/north/hours").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(northFrontDesk()).when().get("/api/routing/locations/east/hours")
                .then().statusCode(404).contentType(PROBLEM);
        // South's schedule is not North's front desk's to read, nor a North-only admin's to change
        given().auth().oauth2(northFrontDesk()).when().get("/api/routing/locations/south/hours")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(northFrontDesk()).when().get("/api/routing/locations/south/on-call")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nat.admin", "practice-admin", "north")).contentType(ContentType.JSON)
                .body(Map.of("weekly", List.of()))
                .when().put("/api/routing/locations/south/hours")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyPracticeAdminsChangeHoursAndOverlappingIntervalsAreRefused() {
        JsonPath before = given().auth().oauth2(admin()).when().get("/api/routing/locations/north/hours")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> allDay = Map.of("weekly", List.of(Map.of("day", "MONDAY", "opens", "00:00",
                "closes", "23:59")), "holidays", List.of());

        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(allDay)
                .when().put("/api/routing/locations/north/hours")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("sue.supervisor", "supervisor", "north")).contentType(ContentType.JSON)
                .body(allDay)
                .when().put("/api/routing/locations/north/hours")
                .then().statusCode(403).contentType(PROBLEM);

        Map<String, Object> overlapping = Map.of("weekly", List.of(
                Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:30"),
                Map.of("day", "MONDAY", "opens", "12:00", "closes", "17:00"),
                Map.of("day", "TUESDAY", "opens", "08:00", "closes", "17:00")),
                "holidays", List.of(Map.of("date", "2026-11-26", "name", "Thanksgiving")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(overlapping)
                .when().put("/api/routing/locations/north/hours")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("weekly")))
                .body("errors[0].problem", containsString("MONDAY"));

        Map<String, Object> backwards = Map.of("weekly", List.of(
                Map.of("day", "MONDAY", "opens", "17:00", "closes", "08:00")), "holidays", List.of());
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(backwards)
                .when().put("/api/routing/locations/north/hours")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("weekly"));

        JsonPath after = given().auth().oauth2(admin()).when().get("/api/routing/locations/north/hours")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(before.getMap("$"), after.getMap("$"), "nothing changed");
    }

    @Test
    void hoursReadAndWrittenBackAreTheSame() {
        Map<String, Object> south = given().auth().oauth2(admin()).when().get("/api/routing/locations/south/hours")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        Map<String, Object> again = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(new LinkedHashMap<>(south))
                .when().put("/api/routing/locations/south/hours")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(south, again);
    }

    // ---------------------------------------------------------------------------------------------- absences

    @Test
    void staffSetTheirOwnOutOfOfficeButNotAColleaguesAndEndingItTwiceIsNotFound() {
        String me = "fd.away" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String colleague = "fd.other" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String myToken = token(me, "front-desk", "north");
        Map<String, Object> away = Map.of("awayFrom", "2030-06-01T00:00:00Z", "awayUntil", "2030-06-15T00:00:00Z",
                "coveredBy", colleague);

        given().auth().oauth2(myToken).contentType(ContentType.JSON).body(away)
                .when().put("/api/routing/absences/" + me)
                .then().statusCode(200)
                .body("staffUser", equalTo(me))
                .body("coveredBy", equalTo(colleague));
        given().auth().oauth2(northFrontDesk())
                .when().get("/api/routing/absences")
                .then().statusCode(200)
                .body("staffUser", hasItem(me))
                .body("find { it.staffUser == '" + me + "' }.awayUntil", equalTo("2030-06-15T00:00:00Z"));

        given().auth().oauth2(myToken).contentType(ContentType.JSON)
                .body(Map.of("awayFrom", "2030-06-01T00:00:00Z", "awayUntil", "2030-06-15T00:00:00Z",
                        "coveredBy", me))
                .when().put("/api/routing/absences/" + colleague)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(myToken).when().delete("/api/routing/absences/" + colleague)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(northFrontDesk()).when().get("/api/routing/absences")
                .then().statusCode(200).body("staffUser", not(hasItem(colleague)));

        given().auth().oauth2(myToken).contentType(ContentType.JSON)
                .body(Map.of("awayFrom", "2030-06-15T00:00:00Z", "awayUntil", "2030-06-01T00:00:00Z",
                        "coveredBy", colleague))
                .when().put("/api/routing/absences/" + me)
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("awayUntil")));
        given().auth().oauth2(myToken).contentType(ContentType.JSON)
                .body(Map.of("awayFrom", "2030-06-01T00:00:00Z", "awayUntil", "2030-06-15T00:00:00Z",
                        "coveredBy", me))
                .when().put("/api/routing/absences/" + me)
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("coveredBy")));

        given().auth().oauth2(myToken).when().delete("/api/routing/absences/" + me)
                .then().statusCode(204);
        given().auth().oauth2(myToken).when().delete("/api/routing/absences/" + me)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:carethread:problem:no-absence"));
        given().auth().oauth2(northFrontDesk()).when().get("/api/routing/absences")
                .then().statusCode(200).body("staffUser", not(hasItem(me)));
    }

    @Test
    void aSupervisorSetsAndEndsAColleaguesOutOfOffice() {
        String provider = "dr.leave" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        given().auth().oauth2(token("sue.supervisor", "supervisor", "north")).contentType(ContentType.JSON)
                .body(Map.of("awayFrom", "2030-07-01T00:00:00Z", "awayUntil", "2030-07-02T00:00:00Z",
                        "coveredBy", "dr.cover"))
                .when().put("/api/routing/absences/" + provider)
                .then().statusCode(200).body("staffUser", equalTo(provider));
        given().auth().oauth2(token("sue.supervisor", "supervisor", "north"))
                .when().delete("/api/routing/absences/" + provider)
                .then().statusCode(204);
        given().auth().oauth2(admin()).when().get("/api/routing/absences")
                .then().statusCode(200).body("staffUser", not(hasItems(provider)));
    }

    // -------------------------------------------------------------------------------------------- helpers

    private static int currentVersion() {
        return given().auth().oauth2(admin()).when().get("/api/routing/rules")
                .then().statusCode(200).extract().jsonPath().getInt("version");
    }

    private static JsonPath dryRun(Map<String, Object> question) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(question)
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Publishes the text as ingestion would and reads back the one decision made about it. */
    private static RoutingDecided route(String phone, String text, Instant writtenAt) {
        MessageReceived message = new MessageReceived(UUID.randomUUID().toString(), "sms",
                TestCrypto.BLIND_INDEX.ofAddress(phone), TestCrypto.CIPHER.seal(phone), NORTH,
                TestCrypto.CIPHER.seal(text), writtenAt);
        String eventId = UUID.randomUUID().toString();
        publish(record(eventId, message));
        List<ConsumerRecord<String, String>> records = await().atMost(PATIENCE)
                .until(() -> decisionsFor(eventId), found -> !found.isEmpty());
        assertEquals(1, records.size());
        return decided(records.get(0));
    }

    /** The demo rules as an admin would send them back: the rules in force, read through the API. */
    private static List<Map<String, Object>> demoRules() {
        return given().auth().oauth2(admin()).when().get("/api/routing/rules")
                .then().statusCode(200).extract().jsonPath().getList("rules");
    }

    private static Map<String, Object> rule(String id, String description, Map<String, Object> when,
            Map<String, Object> then) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("id", id);
        rule.put("description", description);
        rule.put("when", when);
        rule.put("then", then);
        return rule;
    }

    /** Times as the API writes them ("08:00" or "08:00:00"), to the minute. */
    private static List<String> hhmm(List<Object> times) {
        return times.stream().map(time -> String.valueOf(time).substring(0, 5)).toList();
    }
}
