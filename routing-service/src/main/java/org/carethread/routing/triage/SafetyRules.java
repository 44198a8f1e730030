package org.carethread.routing.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reviewed safety rules of {@code triage/safety-rules.json}: patterns that make a message an emergency, with
 * negation ("no chest pain") and history ("dad had a stroke in 2019") cancelling a match. The file's {@code about}
 * and {@code matching} texts explain the matching; this class does what they say.
 */
final class SafetyRules {
    static final String RESOURCE = "triage/safety-rules.json";
    static final List<String> LANGUAGES = List.of("en", "es");
    static final Set<String> REPLY_KINDS = Set.of("call-911", "call-988");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** How a rule met a message. */
    enum Status {
        /** An un-negated, current match: the rule decides urgency and the reply. */
        FIRED,
        /** Every match had a negation before it. */
        NEGATED,
        /** Every match was in a sentence about the past, with nothing saying it is back. */
        HISTORICAL
    }

    record Rule(String id, String description, Urgency urgency, String safetyReply, Urgency whenNegated,
            Map<String, List<Pattern>> patterns) {
    }

    /**
     * One rule's verdict on one message. Both texts quote the patient (PHI: never log them).
     *
     * @param matched the words that matched
     * @param cue the negation or history cue that cancelled the match, {@code null} when it fired
     */
    record Finding(Rule rule, Status status, String matched, String cue) {
    }

    private final int version;
    private final List<Rule> rules;
    private final int negationWindow;
    private final List<String> negationCues;
    private final List<String> pseudoNegations;
    private final Set<String> scopeEnds;
    private final List<Pattern> historyCues;
    private final List<Pattern> recencyCues;

    private SafetyRules(int version, List<Rule> rules, int negationWindow, List<String> negationCues,
            List<String> pseudoNegations, Set<String> scopeEnds, List<Pattern> historyCues,
            List<Pattern> recencyCues) {
        this.version = version;
        this.rules = List.copyOf(rules);
        this.negationWindow = negationWindow;
        this.negationCues = List.copyOf(negationCues);
        this.pseudoNegations = List.copyOf(pseudoNegations);
        this.scopeEnds = Set.copyOf(scopeEnds);
        this.historyCues = List.copyOf(historyCues);
        this.recencyCues = List.copyOf(recencyCues);
    }

    static SafetyRules fromClasspath() {
        try (InputStream in = TriageClassifier.resource(RESOURCE)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Reads and checks a rules file; a rule that is incomplete or a pattern that does not compile is refused. */
    static SafetyRules parse(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode versionNode = root.path("version");
        if (!versionNode.isInt() || versionNode.asInt() < 1) {
            throw invalid("version must be a positive integer");
        }
        JsonNode matching = root.path("matching");
        int window = matching.path("negationWindow").asInt(0);
        if (window < 1) {
            throw invalid("matching.negationWindow must be a positive integer");
        }
        List<String> cues = phrases(matching, "negationCues");
        // Longest first, so "dont have" is quoted rather than "dont".
        cues.sort((a, b) -> b.length() - a.length());
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : iterable(root.path("rules"))) {
            Rule rule = rule(node);
            if (!ids.add(rule.id())) {
                throw invalid("rule id " + rule.id() + " is used twice");
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            throw invalid("no rules");
        }
        return new SafetyRules(versionNode.asInt(), rules, window, cues, phrases(matching, "pseudoNegations"),
                new HashSet<>(phrases(matching, "scopeEnds")), regexes(matching.path("historyCues"), "historyCues"),
                regexes(matching.path("recencyCues"), "recencyCues"));
    }

    int version() {
        return version;
    }

    List<Rule> rules() {
        return rules;
    }

    /** Every rule the message mentions, in rule order: fired, negated or historical. */
    List<Finding> scan(TriageText text) {
        List<String> tokens = text.tokens();
        String joined = text.matchText();
        int[] tokenAt = tokenIndexByChar(joined);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            Finding cancelled = null;
            Finding fired = null;
            for (List<Pattern> patterns : rule.patterns().values()) {
                for (Pattern pattern : patterns) {
                    Matcher m = pattern.matcher(joined);
                    while (fired == null && m.find()) {
                        int first = tokenAt[m.start()];
                        int last = tokenAt[Math.max(m.start(), m.end() - 1)];
                        String negation = negationBefore(tokens, first);
                        if (negation != null) {
                            cancelled = cancelled != null ? cancelled
                                    : new Finding(rule, Status.NEGATED, m.group(), negation);
                            continue;
                        }
                        String history = historyAround(tokens, first, last);
                        if (history != null) {
                            cancelled = cancelled != null ? cancelled
                                    : new Finding(rule, Status.HISTORICAL, m.group(), history);
                            continue;
                        }
                        fired = new Finding(rule, Status.FIRED, m.group(), null);
                    }
                }
            }
            if (fired != null) {
                findings.add(fired);
            } else if (cancelled != null) {
                findings.add(cancelled);
            }
        }
        return findings;
    }

    /** The negation cue that governs the word at {@code first}, or {@code null}. */
    private String negationBefore(List<String> tokens, int first) {
        int from = first;
        for (int j = first - 1; j >= 0 && first - j <= negationWindow; j--) {
            String token = tokens.get(j);
            if (TriageText.PUNCTUATION.contains(token) || scopeEnds.contains(token)) {
                break;
            }
            from = j;
        }
        if (from == first) {
            return null;
        }
        String scope = " " + String.join(" ", tokens.subList(from, first)) + " ";
        for (String pseudo : pseudoNegations) {
            int at = scope.lastIndexOf(" " + pseudo + " ");
            if (at >= 0) {
                // A pseudo-negation ("not sure", "no se") ends the scope: only what follows it counts.
                scope = scope.substring(at + pseudo.length() + 1);
            }
        }
        for (String cue : negationCues) {
            if (scope.contains(" " + cue + " ")) {
                return cue;
            }
        }
        return null;
    }

    /** The history cue that makes the match at tokens first..last a thing of the past, or {@code null}. */
    private String historyAround(List<String> tokens, int first, int last) {
        int sentenceStart = first;
        while (sentenceStart > 0 && !TriageText.SENTENCE_ENDS.contains(tokens.get(sentenceStart - 1))) {
            sentenceStart--;
        }
        int sentenceEnd = last;
        while (sentenceEnd + 1 < tokens.size() && !TriageText.SENTENCE_ENDS.contains(tokens.get(sentenceEnd + 1))) {
            sentenceEnd++;
        }
        String sentence = String.join(" ", tokens.subList(sentenceStart, sentenceEnd + 1));
        String history = firstMatch(historyCues, sentence);
        if (history == null) {
            return null;
        }
        // Recent words in the match's clause or the next one ("from last year, and it's back today") win.
        int clauseStart = first;
        while (clauseStart > 0 && !isClauseEnd(tokens.get(clauseStart - 1))) {
            clauseStart--;
        }
        int clauseEnd = last;
        int clausesLeft = 2;
        while (clauseEnd + 1 < tokens.size()) {
            if (isClauseEnd(tokens.get(clauseEnd + 1)) && --clausesLeft == 0) {
                break;
            }
            clauseEnd++;
        }
        String clauses = String.join(" ", tokens.subList(clauseStart, clauseEnd + 1));
        return firstMatch(recencyCues, clauses) == null ? history : null;
    }

    private static boolean isClauseEnd(String token) {
        return TriageText.PUNCTUATION.contains(token) || token.equals("but") || token.equals("pero");
    }

    private static String firstMatch(List<Pattern> patterns, String text) {
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }

    private static int[] tokenIndexByChar(String joined) {
        int[] index = new int[joined.length() + 1];
        int token = 0;
        for (int i = 0; i < joined.length(); i++) {
            index[i] = token;
            if (joined.charAt(i) == ' ') {
                token++;
            }
        }
        index[joined.length()] = token;
        return index;
    }

    private static Rule rule(JsonNode node) {
        String id = node.path("id").asText("");
        if (!RULE_ID.matcher(id).matches()) {
            throw invalid("rule id '" + id + "' must be lower-case words joined by '-'");
        }
        String description = node.path("description").asText("");
        if (description.isBlank()) {
            throw invalid("rule " + id + " has no description");
        }
        Urgency urgency = urgency(id, node.path("urgency").asText(""));
        String reply = node.path("safetyReply").asText("");
        if (!REPLY_KINDS.contains(reply)) {
            throw invalid("rule " + id + " has safetyReply '" + reply + "'; it must be one of " + REPLY_KINDS);
        }
        Urgency whenNegated = null;
        if (node.hasNonNull("whenNegated")) {
            whenNegated = urgency(id, node.path("whenNegated").asText(""));
        }
        Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            JsonNode list = node.path("patterns").path(language);
            List<Pattern> compiled = list.isArray() ? regexes(list, "rule " + id + " " + language) : List.of();
            if (compiled.isEmpty()) {
                throw invalid("rule " + id + " has no " + language + " patterns");
            }
            patterns.put(language, compiled);
        }
        return new Rule(id, description, urgency, reply, whenNegated, patterns);
    }

    private static Urgency urgency(String id, String code) {
        if (code.equals("emergency") || code.equals("urgent")) {
            return Urgency.fromCode(code);
        }
        throw invalid("rule " + id + " has urgency '" + code + "'; it must be emergency or urgent");
    }

    private static List<String> phrases(JsonNode matching, String field) {
        List<String> out = new ArrayList<>();
        for (String language : LANGUAGES) {
            JsonNode list = matching.path(field).path(language);
            if (!list.isArray() || list.isEmpty()) {
                throw invalid("matching." + field + "." + language + " must be a non-empty list");
            }
            for (JsonNode phrase : list) {
                out.add(phrase.asText());
            }
        }
        return out;
    }

    /** Both languages' regexes when {@code node} holds en and es lists, or the one list {@code node} is. */
    private static List<Pattern> regexes(JsonNode node, String where) {
        List<Pattern> out = new ArrayList<>();
        List<JsonNode> lists = node.isArray() ? List.of(node) : List.of(node.path("en"), node.path("es"));
        for (JsonNode list : lists) {
            for (JsonNode regex : iterable(list)) {
                try {
                    out.add(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex.asText() + ")(?![\\p{L}\\p{N}])"));
                } catch (PatternSyntaxException e) {
                    throw invalid(where + ": pattern '" + regex.asText() + "' does not compile: " + e.getDescription());
                }
            }
        }
        if (out.isEmpty() && !node.isArray()) {
            throw invalid(where + " must have en and es lists");
        }
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        Iterator<JsonNode> elements = node.isArray() ? node.elements() : List.<JsonNode>of().iterator();
        return () -> elements;
    }

    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException(RESOURCE + ": " + problem);
    }
}
