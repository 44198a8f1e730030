package org.carethread.routing.rest;

import java.util.List;

import org.carethread.routing.service.RoutingRule;

/**
 * A new version of the rules.
 *
 * @param basedOn the version the admin loaded and edited (0 before any was saved); stale edits are refused
 * @param rules   the ordered rules, first match wins
 * @param comment why it changed, for the history
 */
public record RuleSetRequest(Integer basedOn, List<RoutingRule> rules, String comment) {
}
