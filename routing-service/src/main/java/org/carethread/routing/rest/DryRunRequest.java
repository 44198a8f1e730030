package org.carethread.routing.rest;

import java.time.Instant;
import java.util.List;

import org.carethread.routing.service.RoutingRule;

/**
 * "Where would this message go, and why?" Nothing is stored or sent.
 *
 * @param practiceNumber the number the patient would text (says which location)
 * @param channel        {@code sms} when absent
 * @param text           the message
 * @param from           the sender's phone number, to include who they are in the directory; optional
 * @param at             when the message would be written; now when absent
 * @param rules          a draft rule set to try instead of the rules in force; optional
 */
public record DryRunRequest(String practiceNumber, String channel, String text, String from, Instant at,
        List<RoutingRule> rules) {
}
