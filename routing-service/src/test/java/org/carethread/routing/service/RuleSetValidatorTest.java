package org.carethread.routing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carethread.routing.service.RoutingRule.Actions;
import org.carethread.routing.service.RoutingRule.Conditions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an admin's proposed rules are refused for, field by field. The practice here has North with every queue the
 * demo has plus a lab, and South without a lab: a practice-wide rule sending to {@code {location}-lab} cannot be saved.
 */
class RuleSetValidatorTest {
    private static final Map<String, Set<String>> QUEUES = Map.of(
            "north", Set.of("north-front-desk", "north-clinical", "north-intake", "north-identity-review",
                    "north-billing", "north-scheduling", "north-refills", "north-lab"),
            "south", Set.of("south-front-desk", "south-clinical", "south-intake", "south-identity-review",
                    "south-billing", "south-scheduling", "south-refills"));

    @Test
    void theDemoRulesSeededByTheMigrationAreValidAgainstTheDemoQueues() throws IOException {
        String migrations = resource("db/migration/V3__demo_practice_locations.sql")
                + resource("db/migration/V5__routing_rules_and_hours.sql");
        Map<String, Set<String>> demoQueues = new TreeMap<>();
        Matcher queue = Pattern.compile("\\(\\s*'([a-z0-9-]+)',\\s*'([a-z0-9-]+)',\\s*'[^']*'\\)").matcher(migrations);
        while (queue.find()) {
            demoQueues.computeIfAbsent(queue.group(2), code -> new HashSet<>()).add(queue.group(1));
        }
        assertEquals(Set.of("north", "south"), demoQueues.keySet());
        assertTrue(demoQueues.get("south").contains("south-refills"), demoQueues.toString());

        List<RoutingRule> demo = demoRules();
        assertEquals(List.of("billing", "refills", "scheduling", "urgent-clinical", "clinical-to-provider"),
                demo.stream().map(RoutingRule::id).toList());
        assertEquals(List.of(), RuleSetValidator.problems(demo, demoQueues));
    }

    @Test
    void aRuleUsingEveryConditionAndActionIsValid() {
        RoutingRule full = new RoutingRule("billing", "Billing questions go to the billing desk",
                new Conditions(List.of("billing"), List.of("routine"), List.of("north"), List.of("sms"),
                        List.of("north-team-a"), List.of("matched"), List.of("insurance"), "after-hours"),
                new Actions("{location}-billing", "primary-provider", "high", "after-hours", true));
        assertEquals(List.of(), RuleSetValidator.problems(List.of(full), QUEUES));
        assertEquals(List.of(), RuleSetValidator.problems(List.of(), QUEUES), "no rules at all is a valid choice");
    }

    @Test
    void anUnknownCategory() {
        assertOnly("rules[0].when.categories",
                rule(when(c -> c.categories = List.of("parking")), queue("{location}-billing")));
    }

    @Test
    void emergencyIsNotAnUrgencyRulesMayName() {
        List<FieldError> problems = problems(rule(when(c -> c.urgencies = List.of("urgent", "emergency")),
                queue("{location}-clinical")));
        assertFields(problems, "rules[0].when.urgencies");
        assertTrue(problems.get(0).problem().contains("'emergency'"), problems.toString());
    }

    @Test
    void anUnknownLocation() {
        assertOnly("rules[0].when.locations", rule(when(c -> c.locations = List.of("east")), priority("high")));
    }

    @Test
    void aPracticeWideRuleNeedsItsQueueAtEveryLocation() {
        List<FieldError> problems = problems(rule(null, queue("{location}-lab")));
        assertFields(problems, "rules[0].then.queue");
        assertTrue(problems.get(0).problem().contains("'south-lab'"), problems.toString());
        assertTrue(problems.get(0).problem().contains("location 'south'"), problems.toString());
        assertFalse(problems.get(0).problem().contains("north"), "North has its lab: " + problems);

        assertEquals(List.of(), problems(rule(when(c -> c.locations = List.of("north")), queue("{location}-lab"))),
                "limited to North, it is fine");
        assertFields(problems(rule(when(c -> c.categories = List.of("test-results")), queue("north-lab"))),
                "rules[0].then.queue");
    }

    @Test
    void aDuplicateIdNamesTheLaterRule() {
        List<FieldError> problems = RuleSetValidator.problems(List.of(
                new RoutingRule("billing", "first", null, queue("{location}-billing")),
                new RoutingRule("refills", "second", null, queue("{location}-refills")),
                new RoutingRule("billing", "third", null, queue("{location}-scheduling"))), QUEUES);
        assertFields(problems, "rules[2].id");
    }

    @Test
    void aRuleMustDoSomething() {
        assertOnly("rules[0].then", rule(null, null));
        assertOnly("rules[0].then", rule(null, new Actions(null, null, null, null, null)));
    }

    @Test
    void criticalIsKeptForEmergencies() {
        assertOnly("rules[0].then.priority", rule(null, priority("critical")));
        assertOnly("rules[0].then.priority", rule(null, priority("urgent")));
    }

    @Test
    void theOnlyAutomaticReplyARuleMayAskForIsTheAfterHoursOne() {
        assertOnly("rules[0].then.autoReply", rule(null, new Actions(null, null, null, "safety", null)));
        assertEquals(List.of(), problems(rule(null, new Actions(null, null, null, "after-hours", null))));
    }

    @Test
    void directToIsThePrimaryProviderTheCareTeamOrAUsername() {
        assertOnly("rules[0].then.directTo", rule(null, new Actions(null, "Dr Lee", null, null, null)));
        assertOnly("rules[0].then.directTo", rule(null, new Actions(null, "", null, null, null)));
        assertOnly("rules[0].then.directTo", rule(null, new Actions(null, "-dash", null, null, null)));
        for (String fine : List.of("primary-provider", "care-team", "dr.lee", "maria_b@clinic")) {
            assertEquals(List.of(), problems(rule(null, new Actions(null, fine, null, null, null))), fine);
        }
    }

    @Test
    void otherConditionValuesAreCheckedToo() {
        assertOnly("rules[0].when.channels", rule(when(c -> c.channels = List.of("fax")), priority("low")));
        assertOnly("rules[0].when.identities", rule(when(c -> c.identities = List.of("review")), priority("low")));
        assertOnly("rules[0].when.time", rule(when(c -> c.time = "weekend"), priority("low")));
        assertOnly("rules[0].when.keywords", rule(when(c -> c.keywords = List.of("bill", " ")), priority("low")));
        assertOnly("rules[0].when.keywords", rule(when(c -> c.keywords = List.of("x".repeat(101))), priority("low")));
        assertOnly("rules[0].when.careTeams", rule(when(c -> c.careTeams = List.of("")), priority("low")));
    }

    @Test
    void idsAndDescriptionsAreRequired() {
        assertFields(RuleSetValidator.problems(List.of(new RoutingRule("Billing!", "ok", null, priority("low"))),
                QUEUES), "rules[0].id");
        assertFields(RuleSetValidator.problems(List.of(new RoutingRule(null, "ok", null, priority("low"))), QUEUES),
                "rules[0].id");
        assertFields(RuleSetValidator.problems(List.of(new RoutingRule("ok", " ", null, priority("low"))), QUEUES),
                "rules[0].description");
        assertFields(RuleSetValidator.problems(List.of(new RoutingRule("ok", "d".repeat(301), null,
                priority("low"))), QUEUES), "rules[0].description");
    }

    @Test
    void theRulesThemselvesAreRequiredAndNoneMayBeNull() {
        assertFields(RuleSetValidator.problems(null, QUEUES), "rules");
        assertFields(RuleSetValidator.problems(Arrays.asList(rule(null, priority("low")), null), QUEUES), "rules[1]");
        List<RoutingRule> tooMany = new ArrayList<>();
        for (int i = 0; i <= RuleSetValidator.MAX_RULES; i++) {
            tooMany.add(new RoutingRule("r" + i, "rule " + i, null, priority("low")));
        }
        assertFields(RuleSetValidator.problems(tooMany, QUEUES), "rules");
    }

    @Test
    void everyProblemOfEveryRuleIsReportedAtOnceInOrder() {
        List<FieldError> problems = RuleSetValidator.problems(List.of(
                new RoutingRule("ok", "fine", when(c -> c.categories = List.of("billing")), queue("{location}-billing")),
                new RoutingRule("bad", "several problems",
                        when(c -> {
                            c.categories = List.of("parking");
                            c.locations = List.of("east", "south");
                        }),
                        new Actions("{location}-lab", "Dr Lee", "critical", "safety", null))), QUEUES);
        assertFields(problems, "rules[1].when.categories", "rules[1].when.locations", "rules[1].then.queue",
                "rules[1].then.directTo", "rules[1].then.priority", "rules[1].then.autoReply");
    }

    @Test
    void problemsNeverRepeatAKeyword() {
        List<FieldError> problems = problems(rule(when(c -> c.keywords = List.of("x".repeat(101))), priority("low")));
        assertFalse(problems.get(0).problem().contains("xxxx"), problems.toString());
    }

    // -------------------------------------------------------------------------------------------- fixtures

    private static void assertOnly(String field, RoutingRule rule) {
        assertFields(problems(rule), field);
    }

    private static void assertFields(List<FieldError> problems, String... fields) {
        assertEquals(List.of(fields), problems.stream().map(FieldError::field).toList(), problems.toString());
        problems.forEach(p -> assertFalse(p.problem().isBlank(), "every problem says what to do"));
    }

    private static List<FieldError> problems(RoutingRule rule) {
        return RuleSetValidator.problems(List.of(rule), QUEUES);
    }

    private static RoutingRule rule(Conditions when, Actions then) {
        return new RoutingRule("r", "a rule", when, then);
    }

    private static Actions queue(String queue) {
        return new Actions(queue, null, null, null, null);
    }

    private static Actions priority(String priority) {
        return new Actions(null, null, priority, null, null);
    }

    /** Mutable conditions for a test to fill in. */
    static final class When {
        List<String> categories;
        List<String> urgencies;
        List<String> locations;
        List<String> channels;
        List<String> careTeams;
        List<String> identities;
        List<String> keywords;
        String time;
    }

    private static Conditions when(java.util.function.Consumer<When> fill) {
        When c = new When();
        fill.accept(c);
        return new Conditions(c.categories, c.urgencies, c.locations, c.channels, c.careTeams, c.identities,
                c.keywords, c.time);
    }

    /** The rules V5 seeds as version 1, read from the migration itself. */
    private static List<RoutingRule> demoRules() throws IOException {
        String v5 = resource("db/migration/V5__routing_rules_and_hours.sql");
        Matcher json = Pattern.compile("values \\(1, '(\\[.*?\\])', 'Demo practice rules'", Pattern.DOTALL).matcher(v5);
        assertTrue(json.find(), "V5 seeds version 1 of the rules");
        return new ObjectMapper().readValue(json.group(1).replace("''", "'"), new TypeReference<List<RoutingRule>>() {
        });
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = RuleSetValidatorTest.class.getClassLoader().getResourceAsStream(path)) {
            assertTrue(in != null, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
