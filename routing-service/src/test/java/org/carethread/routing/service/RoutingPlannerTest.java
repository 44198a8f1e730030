package org.carethread.routing.service;

import org.carethread.schemas.practice.OpeningHours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.carethread.schemas.practice.OpeningHours.Interval;
import org.carethread.routing.service.RoutingRule.Actions;
import org.carethread.routing.service.RoutingRule.Conditions;
import org.carethread.routing.service.RoutingSituation.Place;
import org.carethread.routing.service.RoutingSituation.RuleSet;
import org.carethread.routing.triage.Category;
import org.carethread.routing.triage.Triage;
import org.carethread.routing.triage.Urgency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The planner on its own, with situations built by hand: no database, no broker, no classifier. The place and hours
 * are the demo practice's North clinic (8:00-12:30 and 13:30-17:00 New York time on weekdays, closed on Thanksgiving
 * 2026-11-26); the rules are the demo rules unless a test says otherwise.
 */
class RoutingPlannerTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Tuesday 24 November 2026, 10:00 in New York: North is open. */
    private static final Instant TUESDAY_10AM = Instant.parse("2026-11-24T15:00:00Z");
    /** Tuesday 12:45 in New York: North is closed for lunch. */
    private static final Instant TUESDAY_LUNCH = Instant.parse("2026-11-24T17:45:00Z");
    /** Tuesday 13:30 in New York, when North opens after lunch. */
    private static final Instant TUESDAY_AFTER_LUNCH = Instant.parse("2026-11-24T18:30:00Z");
    /** Tuesday 18:00 in New York: closed for the night. */
    private static final Instant TUESDAY_6PM = Instant.parse("2026-11-24T23:00:00Z");
    /** Wednesday 8:00 in New York, when North next opens after Tuesday evening. */
    private static final Instant WEDNESDAY_OPENING = Instant.parse("2026-11-25T13:00:00Z");
    /** Thanksgiving, 10:00 in New York. */
    private static final Instant THANKSGIVING_10AM = Instant.parse("2026-11-26T15:00:00Z");
    /** The Friday after Thanksgiving, 8:00 in New York. */
    private static final Instant FRIDAY_OPENING = Instant.parse("2026-11-27T13:00:00Z");
    /** Saturday 28 November 2026, 11:00 in New York. */
    private static final Instant SATURDAY_11AM = Instant.parse("2026-11-28T16:00:00Z");

    private static final OpeningHours NORTH_HOURS = northHours();
    private static final Place NORTH = place("north", "North Clinic");
    private static final Place SOUTH = place("south", "South Clinic");

    private static final PatientCandidate ROSA = new PatientCandidate("p-rosa", "north", "dr.lee", "north-team-a", "es");
    private static final PatientCandidate MATEO = new PatientCandidate("p-mateo", "north", "dr.lee", "north-team-a",
            "es");

    private final RoutingPlanner planner = new RoutingPlanner();

    // ---------------------------------------------------------------------------------------------- precedence

    @Test
    void anEmergencyBeatsAMatchingRuleAndTheHoursWithTheSafetyReplyAndAnOnCallAlert() {
        RuleSet everything = rules(1, rule("all-clinical", when().categories("clinical-question"),
                then().queue("{location}-billing").directTo("dr.lee").priority("low")));
        RoutingPlan plan = planner.plan(situation().triage(emergency()).patient(ROSA).rules(everything)
                .at(TUESDAY_6PM).onCall("nina").lastReply(TUESDAY_6PM.minusSeconds(60)).build());

        assertEquals("north-clinical", plan.queue());
        assertEquals("critical", plan.priority());
        assertEquals(RoutingPlanner.SAFETY, plan.autoReplyKind());
        assertTrue(plan.alertOnCall());
        assertEquals(TUESDAY_6PM, plan.clockStartsAt(), "an emergency's clock never waits for the next opening");
        assertNull(plan.ruleId(), "the safety route comes before every rule");
        assertNull(plan.directedTo());
        assertEquals("matched", plan.identity());
        assertEquals(1, plan.rulesVersion());
        assertTrue(plan.reason().contains("on-call nina alerted"), plan.reason());
        assertTrue(plan.reason().contains("North clinical"), "names the queue by its name: " + plan.reason());
    }

    @Test
    void anEmergencyWithNobodyOnCallAlertsTheWholeQueueAndComesBeforeIdentityReview() {
        RoutingPlan plan = planner.plan(situation().triage(emergency()).candidates(ROSA, MATEO).build());

        assertEquals("north-clinical", plan.queue());
        assertEquals("critical", plan.priority());
        assertEquals("review", plan.identity(), "the identity is still recorded");
        assertTrue(plan.alertOnCall());
        assertTrue(plan.reason().contains("nobody is on call"), plan.reason());
    }

    @Test
    void aFamilyPhoneGoesToIdentityReviewEvenWhenARuleMatches() {
        RoutingPlan plan = planner.plan(situation().triage(routine(Category.REFILL)).candidates(ROSA, MATEO)
                .text("refill please").build());

        assertEquals("review", plan.identity());
        assertEquals("north-identity-review", plan.queue());
        assertNull(plan.ruleId(), "identity review comes before the rules");
        assertNull(plan.directedTo());
        assertEquals("normal", plan.priority());
        assertNull(plan.autoReplyKind(), "in business hours nobody gets an automatic reply");
        assertEquals(TUESDAY_10AM, plan.clockStartsAt());
        assertFalse(plan.alertOnCall());
        assertTrue(plan.reason().contains("2 patients share this number"), plan.reason());
        assertTrue(plan.reason().contains("North identity review"), plan.reason());
    }

    @Test
    void theFirstMatchingRuleWinsOverALaterOne() {
        RuleSet ordered = rules(7,
                rule("insurance", when().keywords("insurance"), then().queue("{location}-billing")),
                rule("all-billing", when().categories("billing"), then().queue("{location}-scheduling")));

        RoutingPlan both = planner.plan(situation().triage(routine(Category.BILLING)).patient(ROSA)
                .text("Is my insurance on file?").rules(ordered).build());
        assertEquals("insurance", both.ruleId());
        assertEquals("north-billing", both.queue());
        assertEquals(7, both.rulesVersion());
        assertTrue(both.reason().contains("Rule insurance (rules v7) matched"), both.reason());

        RoutingPlan secondOnly = planner.plan(situation().triage(routine(Category.BILLING)).patient(ROSA)
                .text("I was charged twice").rules(ordered).build());
        assertEquals("all-billing", secondOnly.ruleId());
        assertEquals("north-scheduling", secondOnly.queue());
    }

    @Test
    void withTheDemoRulesAnUrgentRefillMeetsTheRefillRuleBeforeTheUrgentOne() {
        RoutingPlan plan = planner.plan(situation().triage(urgent(Category.REFILL)).patient(ROSA).build());

        assertEquals("refills", plan.ruleId());
        assertEquals("north-refills", plan.queue());
        assertEquals("high", plan.priority(), "urgency still gives the priority");
    }

    @Test
    void aDraftRuleSetIsNamedAsADraftInTheReason() {
        RoutingPlan plan = planner.plan(situation().triage(routine(Category.BILLING)).patient(ROSA)
                .rules(rules(0, rule("billing", when().categories("billing"), then().queue("north-billing"))))
                .build());

        assertEquals(0, plan.rulesVersion());
        assertTrue(plan.reason().contains("(draft rules)"), plan.reason());
    }

    // ------------------------------------------------------------------------------------------ conditions

    @Nested
    class EachConditionKind {

        @Test
        void category() {
            When billing = when().categories("billing", "refill");
            assertTrue(fires(billing, situation().triage(routine(Category.BILLING))));
            assertTrue(fires(billing, situation().triage(routine(Category.REFILL))));
            assertFalse(fires(billing, situation().triage(routine(Category.SCHEDULING))));
        }

        @Test
        void urgency() {
            When urgentOnly = when().urgencies("urgent");
            assertTrue(fires(urgentOnly, situation().triage(urgent(Category.GENERAL))));
            assertFalse(fires(urgentOnly, situation().triage(routine(Category.GENERAL))));
        }

        @Test
        void location() {
            When southOnly = when().locations("south");
            assertFalse(fires(southOnly, situation().place(NORTH)));
            assertTrue(fires(southOnly, situation().place(SOUTH)));
        }

        @Test
        void channel() {
            When email = when().channels("email");
            assertFalse(fires(email, situation().channel("sms")));
            assertTrue(fires(email, situation().channel("email")));
        }

        @Test
        void careTeamOfTheMatchedPatient() {
            When teamA = when().careTeams("north-team-a");
            assertTrue(fires(teamA, situation().patient(ROSA)));
            assertFalse(fires(teamA, situation().patient(new PatientCandidate("p-b", "north", "dr.lee",
                    "north-team-b", "en"))));
            assertFalse(fires(teamA, situation().patient(new PatientCandidate("p-none", "north", null, null, "en"))),
                    "a patient without a care team is in none");
            assertFalse(fires(teamA, situation()), "an unknown sender has no care team");
        }

        @Test
        void identity() {
            assertTrue(fires(when().identities("new-contact"), situation()));
            assertFalse(fires(when().identities("new-contact"), situation().patient(ROSA)));
            assertTrue(fires(when().identities("matched"), situation().patient(ROSA)));
            assertFalse(fires(when().identities("matched"), situation()));
            assertTrue(fires(when().identities("matched"), situation().patient(ROSA).candidates(ROSA, MATEO)),
                    "a sender staff linked to a patient is matched even on a shared number");
        }

        @Test
        void keywordsMatchWholeWordsIgnoringCaseAndAccents() {
            When insurance = when().keywords("insurance");
            assertTrue(fires(insurance, situation().text("Do you take my INSURANCE?")));
            assertTrue(fires(insurance, situation().text("insurance")));
            assertFalse(fires(insurance, situation().text("I need reinsurance papers")));
            assertFalse(fires(insurance, situation().text("no keyword here")));

            When bill = when().keywords("bill");
            assertFalse(fires(bill, situation().text("question about billing")), "bill is not billing");
            assertTrue(fires(bill, situation().text("question about my bill.")));
            assertTrue(fires(bill, situation().text("Bill,")));

            When doctor = when().keywords("médico");
            assertTrue(fires(doctor, situation().text("necesito ver al MEDICO")));
            assertTrue(fires(doctor, situation().text("¿el médico está?")));
            assertTrue(fires(when().keywords("medico"), situation().text("Quiero ver al Médico mañana")));

            When phrase = when().keywords("prior authorization");
            assertTrue(fires(phrase, situation().text("Status of my Prior-Authorization??")));
            assertFalse(fires(phrase, situation().text("authorization prior to surgery")));

            When any = when().keywords("fax", "copay");
            assertTrue(fires(any, situation().text("what is my copay")), "any one keyword is enough");
            assertFalse(fires(when().keywords("   "), situation().text("a blank keyword matches nothing")));
        }

        @Test
        void businessHoursAfterHoursAndHolidayAreThreeDifferentTimes() {
            When open = when().time("business-hours");
            assertTrue(fires(open, situation().at(TUESDAY_10AM)));
            assertFalse(fires(open, situation().at(TUESDAY_6PM)));
            assertFalse(fires(open, situation().at(TUESDAY_LUNCH)));
            assertFalse(fires(open, situation().at(THANKSGIVING_10AM)));

            When closed = when().time("after-hours");
            assertTrue(fires(closed, situation().at(TUESDAY_6PM)));
            assertTrue(fires(closed, situation().at(TUESDAY_LUNCH)));
            assertTrue(fires(closed, situation().at(SATURDAY_11AM)));
            assertFalse(fires(closed, situation().at(TUESDAY_10AM)));
            assertFalse(fires(closed, situation().at(THANKSGIVING_10AM)), "a holiday is its own time");

            When holiday = when().time("holiday");
            assertTrue(fires(holiday, situation().at(THANKSGIVING_10AM)));
            assertFalse(fires(holiday, situation().at(SATURDAY_11AM)));
        }

        @Test
        void everyConditionGivenMustHold() {
            When billingAboutInsurance = when().categories("billing").keywords("insurance");
            assertTrue(fires(billingAboutInsurance,
                    situation().triage(routine(Category.BILLING)).text("insurance card")));
            assertFalse(fires(billingAboutInsurance,
                    situation().triage(routine(Category.BILLING)).text("charged twice")));
            assertFalse(fires(billingAboutInsurance,
                    situation().triage(routine(Category.GENERAL)).text("insurance card")));
        }

        @Test
        void aRuleWithoutConditionsMatchesEverything() {
            assertTrue(fires(null, situation()));
            assertTrue(fires(when(), situation().patient(ROSA).at(SATURDAY_11AM)));
        }

        private boolean fires(When when, SituationBuilder situation) {
            RoutingPlan plan = planner.plan(situation
                    .rules(rules(3, rule("r", when, then().queue("{location}-billing"))))
                    .build());
            return "r".equals(plan.ruleId());
        }
    }

    // ---------------------------------------------------------------------------------------------- actions

    @Test
    void theLocationPlaceholderInAQueueIsTheLocationTheMessageWasFor() {
        RuleSet billing = rules(2, rule("billing", when().categories("billing"), then().queue("{location}-billing")));

        assertEquals("north-billing", planner.plan(situation().triage(routine(Category.BILLING)).rules(billing)
                .build()).queue());
        assertEquals("south-billing", planner.plan(situation().place(SOUTH).triage(routine(Category.BILLING))
                .rules(billing).build()).queue());
        assertEquals("north-billing", planner.plan(situation().place(SOUTH).triage(routine(Category.BILLING))
                .rules(rules(2, rule("fixed", null, then().queue("north-billing")))).build()).queue(),
                "a queue without the placeholder is taken as written");
    }

    @Test
    void aRuleWithoutAQueueKeepsTheDefaultQueueOrIntakeForANewContact() {
        RuleSet priorityOnly = rules(2, rule("low", when().categories("general"), then().priority("low")));

        RoutingPlan known = planner.plan(situation().patient(ROSA).rules(priorityOnly).build());
        assertEquals("low", known.ruleId());
        assertEquals("north-front-desk", known.queue());
        assertEquals("low", known.priority());

        RoutingPlan unknown = planner.plan(situation().rules(priorityOnly).build());
        assertEquals("north-intake", unknown.queue());
    }

    @Test
    void priorityFollowsUrgencyUnlessTheRuleSetsIt() {
        RuleSet none = rules(1);
        assertEquals("high", planner.plan(situation().triage(urgent(Category.GENERAL)).rules(none).build())
                .priority());
        assertEquals("normal", planner.plan(situation().triage(routine(Category.GENERAL)).rules(none).build())
                .priority());

        RuleSet low = rules(1, rule("low", null, then().priority("low")));
        assertEquals("low", planner.plan(situation().triage(urgent(Category.GENERAL)).rules(low).build())
                .priority(), "the rule's priority overrides the urgency's");
        RuleSet high = rules(1, rule("high", null, then().priority("high")));
        assertEquals("high", planner.plan(situation().triage(routine(Category.GENERAL)).rules(high).build())
                .priority());
    }

    @Test
    void escalateRaisesOneStepButNeverToCritical() {
        RuleSet escalate = rules(1, rule("up", null, then().escalate()));
        assertEquals("high", planner.plan(situation().triage(routine(Category.GENERAL)).rules(escalate).build())
                .priority(), "normal → high");
        assertEquals("high", planner.plan(situation().triage(urgent(Category.GENERAL)).rules(escalate).build())
                .priority(), "high stays high: critical is for emergencies");

        RuleSet lowThenUp = rules(1, rule("low-up", null, then().priority("low").escalate()));
        assertEquals("normal", planner.plan(situation().triage(urgent(Category.GENERAL)).rules(lowThenUp).build())
                .priority(), "low → normal");
        RuleSet highThenUp = rules(1, rule("high-up", null, then().priority("high").escalate()));
        assertEquals("high", planner.plan(situation().rules(highThenUp).build()).priority());

        RuleSet notEscalated = rules(1, rule("not-up", null, then().queue("north-billing").escalate(false)));
        assertEquals("normal", planner.plan(situation().rules(notEscalated).build()).priority());
    }

    @Test
    void directToThePrimaryProviderTheCareTeamOrAStaffMember() {
        RoutingPlan provider = planner.plan(situation().patient(ROSA)
                .rules(rules(1, rule("p", null, then().queue("{location}-clinical").directTo("primary-provider"))))
                .build());
        assertEquals("dr.lee", provider.directedTo());
        assertEquals("north-clinical", provider.queue());
        assertTrue(provider.reason().contains("Directed to dr.lee."), provider.reason());

        RoutingPlan team = planner.plan(situation().patient(ROSA)
                .rules(rules(1, rule("t", null, then().directTo("care-team")))).build());
        assertEquals("team:north-team-a", team.directedTo());
        assertEquals("north-front-desk", team.queue());

        RoutingPlan named = planner.plan(situation()
                .rules(rules(1, rule("n", null, then().queue("{location}-billing").directTo("maria.billing"))))
                .build());
        assertEquals("maria.billing", named.directedTo(), "a named colleague needs no patient");
        assertEquals("north-billing", named.queue());
    }

    @Test
    void withoutAProviderOrTeamOnRecordTheMessageStaysWithTheQueue() {
        PatientCandidate nobodysPatient = new PatientCandidate("p-x", "north", null, null, "en");
        RuleSet toProvider = rules(1,
                rule("p", null, then().queue("{location}-clinical").directTo("primary-provider")));

        RoutingPlan plan = planner.plan(situation().patient(nobodysPatient).rules(toProvider).build());
        assertNull(plan.directedTo());
        assertEquals("north-clinical", plan.queue());
        assertEquals("p", plan.ruleId());
        assertTrue(plan.reason().contains("none is on record: it stays with the queue"), plan.reason());

        assertNull(planner.plan(situation().rules(toProvider).build()).directedTo(), "a new contact has no provider");
        assertNull(planner.plan(situation().patient(nobodysPatient)
                .rules(rules(1, rule("t", null, then().directTo("care-team")))).build()).directedTo());
    }

    @Test
    void coverageSwapsTheStaffMemberWhoIsAwayForTheColleagueCovering() {
        RuleSet toProvider = rules(1, rule("p", null, then().directTo("primary-provider")));
        RoutingPlan plan = planner.plan(situation().patient(ROSA).rules(toProvider)
                .coverage(Map.of("dr.lee", "dr.cover", "someone.else", "dr.other")).build());
        assertEquals("dr.cover", plan.directedTo());
        assertTrue(plan.reason().contains("dr.lee is away; dr.cover is covering."), plan.reason());

        RoutingPlan named = planner.plan(situation().rules(rules(1, rule("n", null, then().directTo("maria.billing"))))
                .coverage(Map.of("maria.billing", "bob.billing")).build());
        assertEquals("bob.billing", named.directedTo());

        RoutingPlan present = planner.plan(situation().patient(ROSA).rules(toProvider)
                .coverage(Map.of("someone.else", "dr.other")).build());
        assertEquals("dr.lee", present.directedTo(), "only those away are covered");
    }

    // ------------------------------------------------------------------------------- hours and auto-replies

    @Test
    void afterHoursARoutineMessageWaitsForTheNextOpeningAndGetsTheAfterHoursReply() {
        RoutingPlan evening = planner.plan(situation().triage(routine(Category.REFILL)).patient(ROSA)
                .at(TUESDAY_6PM).build());
        assertEquals(WEDNESDAY_OPENING, evening.clockStartsAt());
        assertEquals(RoutingPlanner.AFTER_HOURS, evening.autoReplyKind());
        assertEquals("north-refills", evening.queue(), "the rules still route it");
        assertEquals("normal", evening.priority());
        assertFalse(evening.alertOnCall());
        assertTrue(evening.reason().contains("Written after hours: its clock starts when the location next opens."),
                evening.reason());
        assertTrue(evening.reason().contains("The patient got the after-hours reply."), evening.reason());

        RoutingPlan lunch = planner.plan(situation().triage(routine(Category.REFILL)).at(TUESDAY_LUNCH).build());
        assertEquals(TUESDAY_AFTER_LUNCH, lunch.clockStartsAt(), "after the lunch break, the same day");
        assertEquals(RoutingPlanner.AFTER_HOURS, lunch.autoReplyKind());
    }

    @Test
    void onAHolidayARoutineMessageWaitsForTheNextWorkingDayAndTheReasonNamesTheHoliday() {
        RoutingPlan plan = planner.plan(situation().triage(routine(Category.SCHEDULING)).at(THANKSGIVING_10AM)
                .build());
        assertEquals(FRIDAY_OPENING, plan.clockStartsAt());
        assertEquals(RoutingPlanner.AFTER_HOURS, plan.autoReplyKind());
        assertTrue(plan.reason().contains("closed for Thanksgiving"), plan.reason());
    }

    @Test
    void inBusinessHoursTheClockStartsAtOnceWithoutAnAutomaticReply() {
        RoutingPlan plan = planner.plan(situation().triage(routine(Category.REFILL)).at(TUESDAY_10AM)
                .lastReply(null).build());
        assertEquals(TUESDAY_10AM, plan.clockStartsAt());
        assertNull(plan.autoReplyKind());
    }

    @Test
    void anUrgentMessageAfterHoursStartsItsClockNowWithoutAReplyUnlessTheRuleAsksForIt() {
        RoutingPlan plain = planner.plan(situation().triage(urgent(Category.CLINICAL_QUESTION)).patient(ROSA)
                .at(TUESDAY_6PM).build());
        assertEquals(TUESDAY_6PM, plain.clockStartsAt());
        assertNull(plain.autoReplyKind());
        assertEquals("urgent-clinical", plain.ruleId());
        assertEquals("high", plain.priority());
        assertTrue(plain.reason().contains("but urgent: its clock starts now"), plain.reason());

        RuleSet replyAfterHours = rules(4, rule("urgent-reply", when().urgencies("urgent"),
                then().queue("{location}-clinical").autoReply("after-hours")));
        RoutingPlan replied = planner.plan(situation().triage(urgent(Category.CLINICAL_QUESTION)).patient(ROSA)
                .rules(replyAfterHours).at(TUESDAY_6PM).build());
        assertEquals(TUESDAY_6PM, replied.clockStartsAt(), "the reply does not delay an urgent message");
        assertEquals(RoutingPlanner.AFTER_HOURS, replied.autoReplyKind());

        RoutingPlan inHours = planner.plan(situation().triage(urgent(Category.CLINICAL_QUESTION)).patient(ROSA)
                .rules(replyAfterHours).at(TUESDAY_10AM).build());
        assertNull(inHours.autoReplyKind(), "the after-hours reply is for after hours only");
    }

    @Test
    void theAfterHoursReplyIsNotRepeatedWithinTheLocationsInterval() {
        RoutingPlan anHourLater = planner.plan(situation().triage(routine(Category.REFILL)).at(TUESDAY_6PM)
                .lastReply(TUESDAY_6PM.minus(Duration.ofHours(1))).build());
        assertNull(anHourLater.autoReplyKind());
        assertEquals(WEDNESDAY_OPENING, anHourLater.clockStartsAt(), "the clock still waits for the opening");
        assertTrue(anHourLater.reason().contains("already sent recently"), anHourLater.reason());

        RoutingPlan justUnder = planner.plan(situation().triage(routine(Category.REFILL)).at(TUESDAY_6PM)
                .lastReply(TUESDAY_6PM.minus(Duration.ofMinutes(719))).build());
        assertNull(justUnder.autoReplyKind());

        RoutingPlan intervalOver = planner.plan(situation().triage(routine(Category.REFILL)).at(TUESDAY_6PM)
                .lastReply(TUESDAY_6PM.minus(Duration.ofMinutes(720))).build());
        assertEquals(RoutingPlanner.AFTER_HOURS, intervalOver.autoReplyKind(), "720 minutes on, it is sent again");

        Place often = new Place("north", "North Clinic", "north-front-desk", "north-clinical", "north-intake",
                "north-identity-review", Map.of(), Duration.ofMinutes(30));
        RoutingPlan shortInterval = planner.plan(situation().place(often).triage(routine(Category.REFILL))
                .at(TUESDAY_6PM).lastReply(TUESDAY_6PM.minus(Duration.ofHours(1))).build());
        assertEquals(RoutingPlanner.AFTER_HOURS, shortInterval.autoReplyKind(), "the location's own interval");

        RoutingPlan urgentAsked = planner.plan(situation().triage(urgent(Category.GENERAL)).at(TUESDAY_6PM)
                .rules(rules(1, rule("u", null, then().autoReply("after-hours"))))
                .lastReply(TUESDAY_6PM.minus(Duration.ofHours(1))).build());
        assertNull(urgentAsked.autoReplyKind(), "a rule's after-hours reply is throttled as well");
    }

    @Test
    void withNoRulesAtAllAMessageGoesToTheDefaultQueueOrIntake() {
        RuleSet none = rules(0);
        RoutingPlan known = planner.plan(situation().triage(routine(Category.BILLING)).patient(ROSA).rules(none)
                .build());
        assertEquals("north-front-desk", known.queue());
        assertNull(known.ruleId());
        assertEquals(0, known.rulesVersion());
        assertEquals("matched", known.identity());
        assertTrue(known.reason().contains("No routing rule matched"), known.reason());
        assertTrue(known.reason().contains("North front desk"), known.reason());

        RoutingPlan unknown = planner.plan(situation().triage(routine(Category.BILLING)).rules(none).build());
        assertEquals("north-intake", unknown.queue());
        assertEquals("new-contact", unknown.identity());
        assertTrue(unknown.reason().contains("No patient in the directory has this number"), unknown.reason());
    }

    @Test
    void theReasonHoldsNoMessageText() {
        String text = "my insurance number is 123-45-6789";
        RoutingPlan plan = planner.plan(situation().patient(ROSA).text(text)
                .rules(rules(1, rule("ins", when().keywords("insurance"), then().queue("{location}-billing"))))
                .build());
        assertEquals("ins", plan.ruleId());
        assertFalse(plan.reason().contains("6789"), plan.reason());
    }

    // -------------------------------------------------------------------------------------------- fixtures

    private static OpeningHours northHours() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new Interval(LocalTime.of(8, 0), LocalTime.of(12, 30)),
                    new Interval(LocalTime.of(13, 30), LocalTime.of(17, 0))));
        }
        return new OpeningHours(NEW_YORK, week, Map.of(LocalDate.of(2026, 11, 26), "Thanksgiving"));
    }

    private static Place place(String code, String name) {
        String title = Character.toUpperCase(code.charAt(0)) + code.substring(1);
        Map<String, String> names = Map.of(code + "-front-desk", title + " front desk",
                code + "-clinical", title + " clinical (nurse triage)", code + "-intake", title + " new contacts",
                code + "-identity-review", title + " identity review", code + "-billing", title + " billing",
                code + "-refills", title + " refills", code + "-scheduling", title + " scheduling");
        return new Place(code, name, code + "-front-desk", code + "-clinical", code + "-intake",
                code + "-identity-review", names, Duration.ofMinutes(720));
    }

    /** The demo rules, version 1, as V5 seeds them. */
    private static RuleSet demoRules() {
        return rules(1,
                rule("billing", when().categories("billing"), then().queue("{location}-billing")),
                rule("refills", when().categories("refill"), then().queue("{location}-refills")),
                rule("scheduling", when().categories("scheduling", "cancellation"),
                        then().queue("{location}-scheduling")),
                rule("urgent-clinical", when().urgencies("urgent"),
                        then().queue("{location}-clinical").priority("high").escalate()),
                rule("clinical-to-provider", when().categories("clinical-question", "test-results")
                        .identities("matched"), then().queue("{location}-clinical").directTo("primary-provider")));
    }

    private static Triage emergency() {
        return new Triage(Category.CLINICAL_QUESTION, Urgency.EMERGENCY, "en",
                List.of("Safety rule chest-pain (v1): \"chest pain\""), "chest-pain", "call-911", 1);
    }

    private static Triage urgent(Category category) {
        return new Triage(category, Urgency.URGENT, "en", List.of(), null, null, 1);
    }

    private static Triage routine(Category category) {
        return new Triage(category, Urgency.ROUTINE, "en", List.of(), null, null, 1);
    }

    private static RuleSet rules(int version, RoutingRule... rules) {
        return new RuleSet(version, List.of(rules));
    }

    /** A rule; {@code when} null leaves the conditions out altogether (it matches everything). */
    private static RoutingRule rule(String id, When when, Then then) {
        return new RoutingRule(id, "Rule " + id, when == null ? null : when.build(), then.build());
    }

    private static When when() {
        return new When();
    }

    private static Then then() {
        return new Then();
    }

    private static SituationBuilder situation() {
        return new SituationBuilder();
    }

    /** Conditions, each left out unless set. */
    static final class When {
        private List<String> categories;
        private List<String> urgencies;
        private List<String> locations;
        private List<String> channels;
        private List<String> careTeams;
        private List<String> identities;
        private List<String> keywords;
        private String time;

        When categories(String... values) {
            categories = List.of(values);
            return this;
        }

        When urgencies(String... values) {
            urgencies = List.of(values);
            return this;
        }

        When locations(String... values) {
            locations = List.of(values);
            return this;
        }

        When channels(String... values) {
            channels = List.of(values);
            return this;
        }

        When careTeams(String... values) {
            careTeams = List.of(values);
            return this;
        }

        When identities(String... values) {
            identities = List.of(values);
            return this;
        }

        When keywords(String... values) {
            keywords = List.of(values);
            return this;
        }

        When time(String value) {
            time = value;
            return this;
        }

        Conditions build() {
            return new Conditions(categories, urgencies, locations, channels, careTeams, identities, keywords, time);
        }
    }

    /** Actions, each left out unless set. */
    static final class Then {
        private String queue;
        private String directTo;
        private String priority;
        private String autoReply;
        private Boolean escalate;

        Then queue(String value) {
            queue = value;
            return this;
        }

        Then directTo(String value) {
            directTo = value;
            return this;
        }

        Then priority(String value) {
            priority = value;
            return this;
        }

        Then autoReply(String value) {
            autoReply = value;
            return this;
        }

        Then escalate() {
            return escalate(true);
        }

        Then escalate(boolean value) {
            escalate = value;
            return this;
        }

        Actions build() {
            return new Actions(queue, directTo, priority, autoReply, escalate);
        }
    }

    /**
     * A situation at North, by SMS, on Tuesday at 10:00, from an unknown sender, a routine general message, with the
     * demo rules, nobody away, nobody on call and no earlier after-hours reply, unless a test says otherwise.
     */
    static final class SituationBuilder {
        private Place place = NORTH;
        private String channel = "sms";
        private String text = "hello";
        private Triage triage = routine(Category.GENERAL);
        private PatientCandidate patient;
        private List<PatientCandidate> candidates;
        private Instant at = TUESDAY_10AM;
        private OpeningHours hours = NORTH_HOURS;
        private RuleSet rules = demoRules();
        private Map<String, String> coverage = Map.of();
        private String onCall;
        private Instant lastReply;

        SituationBuilder place(Place value) {
            place = value;
            return this;
        }

        SituationBuilder channel(String value) {
            channel = value;
            return this;
        }

        SituationBuilder text(String value) {
            text = value;
            return this;
        }

        SituationBuilder triage(Triage value) {
            triage = value;
            return this;
        }

        /** The sender is this directory patient (the only one with the address, unless candidates say more). */
        SituationBuilder patient(PatientCandidate value) {
            patient = value;
            return this;
        }

        /** The directory patients with the sender's address; several and no patient is a family phone. */
        SituationBuilder candidates(PatientCandidate... values) {
            candidates = List.of(values);
            return this;
        }

        SituationBuilder at(Instant value) {
            at = value;
            return this;
        }

        SituationBuilder rules(RuleSet value) {
            rules = value;
            return this;
        }

        SituationBuilder coverage(Map<String, String> value) {
            coverage = value;
            return this;
        }

        SituationBuilder onCall(String value) {
            onCall = value;
            return this;
        }

        SituationBuilder lastReply(Instant value) {
            lastReply = value;
            return this;
        }

        RoutingSituation build() {
            List<PatientCandidate> found = candidates != null ? candidates
                    : patient != null ? List.of(patient) : List.of();
            return new RoutingSituation(place, channel, text, triage, patient, new ArrayList<>(found), at, hours,
                    rules, coverage, onCall, lastReply);
        }
    }
}
