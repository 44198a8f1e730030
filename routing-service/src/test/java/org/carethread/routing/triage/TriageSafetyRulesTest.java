package org.carethread.routing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reviewed safety rules, as shipped: the file is well formed, and every row of
 * {@code triage/safety-rule-cases.tsv} (must fire, must be negated, must be historical, must stay silent) holds.
 * Any change to {@code safety-rules.json} runs through this table; add rows with the change.
 */
class TriageSafetyRulesTest {
    private static final SafetyRules RULES = SafetyRules.fromClasspath();

    @Test
    void versionIsAPositiveInteger() throws IOException {
        JsonNode version = rawRules().path("version");
        assertTrue(version.isInt(), "version must be an integer");
        assertTrue(version.asInt() >= 1, "version must be positive");
        assertEquals(version.asInt(), RULES.version());
    }

    @Test
    void everyRuleHasAUniqueIdBothLanguagesAndAKnownReply() throws IOException {
        Set<String> ids = new HashSet<>();
        JsonNode rules = rawRules().path("rules");
        assertTrue(rules.size() >= 10, "the rules cover at least the ten emergency signs");
        for (JsonNode rule : rules) {
            String id = rule.path("id").asText();
            assertTrue(ids.add(id), "rule id " + id + " is used twice");
            for (String language : List.of("en", "es")) {
                JsonNode patterns = rule.path("patterns").path(language);
                assertTrue(patterns.isArray() && !patterns.isEmpty(), "rule " + id + " has no " + language
                        + " patterns");
            }
            assertTrue(Set.of("call-911", "call-988").contains(rule.path("safetyReply").asText()),
                    "rule " + id + " has an unknown safetyReply");
            assertTrue(Set.of("emergency", "urgent").contains(rule.path("urgency").asText()),
                    "rule " + id + " has an unknown urgency");
            assertFalse(rule.path("description").asText().isBlank(), "rule " + id + " has no description");
        }
        assertEquals(ids, RULES.rules().stream().map(SafetyRules.Rule::id).collect(Collectors.toSet()));
    }

    @Test
    void suicidalThoughtsGetThe988Reply() {
        SafetyRules.Rule rule = RULES.rules().stream().filter(r -> r.id().equals("suicidal-thoughts")).findFirst()
                .orElseThrow();
        assertEquals("call-988", rule.safetyReply());
        assertEquals(Urgency.URGENT, rule.whenNegated());
    }

    @Test
    void aBrokenRulesFileIsRefused() {
        String missingSpanish = "{\"version\":2,\"matching\":{\"negationWindow\":3,"
                + "\"negationCues\":{\"en\":[\"no\"],\"es\":[\"no\"]},"
                + "\"pseudoNegations\":{\"en\":[\"x\"],\"es\":[\"x\"]},"
                + "\"scopeEnds\":{\"en\":[\"but\"],\"es\":[\"pero\"]},\"historyCues\":{\"en\":[\"x\"],\"es\":[\"x\"]},"
                + "\"recencyCues\":{\"en\":[\"x\"],\"es\":[\"x\"]}},\"rules\":[{\"id\":\"chest-pain\","
                + "\"description\":\"d\",\"urgency\":\"emergency\",\"safetyReply\":\"call-911\","
                + "\"patterns\":{\"en\":[\"chest pain\"]}}]}";
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SafetyRules.parse(new ByteArrayInputStream(missingSpanish.getBytes(StandardCharsets.UTF_8))));
        assertTrue(refused.getMessage().contains("no es patterns"), refused.getMessage());
    }

    @TestFactory
    List<DynamicTest> ruleCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> languages = new HashSet<>();
        Set<String> ruleIds = RULES.rules().stream().map(SafetyRules.Rule::id).collect(Collectors.toSet());
        try (InputStream in = TriageClassifier.resource("triage/safety-rule-cases.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            assertEquals("expect\trule\tlanguage\ttext", reader.readLine());
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                assertEquals(4, c.length, "safety-rule-cases.tsv line " + number);
                String expect = c[0];
                String rule = c[1];
                languages.add(c[2]);
                assertTrue(rule.equals("*") || ruleIds.contains(rule), "line " + number + ": unknown rule " + rule);
                tests.add(DynamicTest.dynamicTest(expect + " " + rule + " (line " + number + ")",
                        () -> check(expect, rule, c[3])));
            }
        }
        assertTrue(tests.size() >= 60, "the table has at least 60 cases");
        assertEquals(Set.of("en", "es"), languages);
        return tests;
    }

    private static void check(String expect, String rule, String text) {
        List<SafetyRules.Finding> findings = RULES.scan(TriageText.of(text));
        SafetyRules.Finding finding = findings.stream().filter(f -> f.rule().id().equals(rule)).findFirst()
                .orElse(null);
        switch (expect) {
            case "fires" -> {
                assertNotNull(finding, "rule " + rule + " did not match");
                assertEquals(SafetyRules.Status.FIRED, finding.status(), "rule " + rule + " matched but was "
                        + finding.status());
            }
            case "negated" -> {
                assertNotNull(finding, "rule " + rule + " did not match");
                assertEquals(SafetyRules.Status.NEGATED, finding.status());
            }
            case "historical" -> {
                assertNotNull(finding, "rule " + rule + " did not match");
                assertEquals(SafetyRules.Status.HISTORICAL, finding.status());
            }
            case "silent" -> {
                if (rule.equals("*")) {
                    assertEquals(List.of(), findings.stream().map(f -> f.rule().id()).toList());
                } else {
                    assertEquals(null, finding == null ? null : finding.rule().id() + " " + finding.status());
                }
            }
            default -> fail("unknown expectation " + expect);
        }
    }

    private static JsonNode rawRules() throws IOException {
        try (InputStream in = TriageClassifier.resource(SafetyRules.RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
