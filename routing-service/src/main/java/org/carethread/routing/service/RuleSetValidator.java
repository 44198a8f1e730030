package org.carethread.routing.service;

import org.carethread.schemas.practice.OpeningHours;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.carethread.routing.triage.Category;
import org.carethread.schemas.Channels;

/**
 * Checks a proposed rule set before it is saved: every value is one routing knows, every queue a rule names exists at
 * every location the rule can apply to. Answers field errors an admin can act on; empty means valid.
 */
public final class RuleSetValidator {
    static final int MAX_RULES = 200;
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");
    private static final Set<String> URGENCIES = Set.of("urgent", "routine");
    private static final Set<String> IDENTITIES = Set.of(RoutingPlanner.MATCHED, RoutingPlanner.NEW_CONTACT);
    private static final Set<String> CHANNELS = Set.of(Channels.SMS, Channels.EMAIL, Channels.VOICEMAIL);
    private static final Set<String> RULE_PRIORITIES = Set.of("low", "normal", "high");

    private RuleSetValidator() {
    }

    /** @param queuesByLocation each location's code with the codes of its queues */
    public static List<FieldError> problems(List<RoutingRule> rules, Map<String, Set<String>> queuesByLocation) {
        return lines(rules, queuesByLocation).stream()
                .map(line -> new FieldError(line.substring(0, line.indexOf(": ")), line.substring(line.indexOf(": ") + 2)))
                .toList();
    }

    private static List<String> lines(List<RoutingRule> rules, Map<String, Set<String>> queuesByLocation) {
        List<String> problems = new ArrayList<>();
        if (rules == null) {
            problems.add("rules: required, a list (it may be empty)");
            return problems;
        }
        if (rules.size() > MAX_RULES) {
            problems.add("rules: at most " + MAX_RULES + " rules");
        }
        Set<String> ids = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (Category category : Category.values()) {
            categories.add(category.code());
        }
        for (int i = 0; i < rules.size(); i++) {
            String at = "rules[" + i + "]";
            RoutingRule rule = rules.get(i);
            if (rule == null) {
                problems.add(at + ": a rule, not null");
                continue;
            }
            if (rule.id() == null || !RULE_ID.matcher(rule.id()).matches()) {
                problems.add(at + ".id: 1 to 100 lower-case letters, digits or dashes");
            } else if (!ids.add(rule.id())) {
                problems.add(at + ".id: '" + rule.id() + "' is used by an earlier rule");
            }
            if (rule.description() == null || rule.description().isBlank() || rule.description().length() > 300) {
                problems.add(at + ".description: required, at most 300 characters");
            }
            RoutingRule.Conditions when = rule.when();
            Set<String> locations = queuesByLocation.keySet();
            if (when != null) {
                allIn(problems, at + ".when.categories", when.categories(), categories);
                allIn(problems, at + ".when.urgencies", when.urgencies(), URGENCIES);
                allIn(problems, at + ".when.locations", when.locations(), locations);
                allIn(problems, at + ".when.channels", when.channels(), CHANNELS);
                allIn(problems, at + ".when.identities", when.identities(), IDENTITIES);
                if (when.time() != null && !OpeningHours.Status.CODES.contains(when.time())) {
                    problems.add(at + ".when.time: one of " + sorted(OpeningHours.Status.CODES));
                }
                if (when.keywords() != null && when.keywords().stream()
                        .anyMatch(k -> k == null || k.isBlank() || k.length() > 100)) {
                    problems.add(at + ".when.keywords: each 1 to 100 characters");
                }
                if (when.careTeams() != null && when.careTeams().stream().anyMatch(t -> t == null || t.isBlank())) {
                    problems.add(at + ".when.careTeams: no blank team codes");
                }
                if (when.locations() != null && !when.locations().isEmpty()) {
                    locations = new HashSet<>(when.locations());
                    locations.retainAll(queuesByLocation.keySet());
                }
            }
            checkActions(problems, at + ".then", rule.then(), locations, queuesByLocation);
        }
        return problems;
    }

    private static void checkActions(List<String> problems, String at, RoutingRule.Actions then, Set<String> locations,
            Map<String, Set<String>> queuesByLocation) {
        if (then == null || (then.queue() == null && then.directTo() == null && then.priority() == null
                && then.autoReply() == null && then.escalate() == null)) {
            problems.add(at + ": at least one action (queue, directTo, priority, autoReply, escalate)");
            return;
        }
        if (then.queue() != null) {
            for (String location : locations) {
                String queue = then.queue().replace("{location}", location);
                if (!queuesByLocation.get(location).contains(queue)) {
                    problems.add(at + ".queue: '" + queue + "' is not a queue of location '" + location
                            + "' (limit the rule with when.locations, or create the queue)");
                }
            }
        }
        if (then.directTo() != null && !then.directTo().equals(RoutingPlanner.PRIMARY_PROVIDER)
                && !then.directTo().equals(RoutingPlanner.CARE_TEAM) && !USERNAME.matcher(then.directTo()).matches()) {
            problems.add(at + ".directTo: primary-provider, care-team or a staff username");
        }
        if (then.priority() != null && !RULE_PRIORITIES.contains(then.priority())) {
            problems.add(at + ".priority: one of " + sorted(RULE_PRIORITIES) + " (critical is kept for emergencies)");
        }
        if (then.autoReply() != null && !RoutingPlanner.AFTER_HOURS.equals(then.autoReply())) {
            problems.add(at + ".autoReply: only after-hours (the safety reply is automatic for emergencies)");
        }
    }

    private static void allIn(List<String> problems, String field, List<String> values, Set<String> allowed) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (value == null || !allowed.contains(value)) {
                problems.add(field + ": '" + value + "' is not one of " + sorted(allowed));
            }
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
