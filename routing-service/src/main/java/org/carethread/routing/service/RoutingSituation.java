package org.carethread.routing.service;

import org.carethread.schemas.practice.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.carethread.routing.triage.Triage;

/**
 * Everything a routing decision depends on, gathered before deciding, so the pipeline and the admins' dry run decide
 * with one pure function ({@link RoutingPlanner}) and cannot disagree.
 *
 * @param text              the message in clear, for keyword conditions only; never logged or stored
 * @param patient           the directory patient the sender is (linked by staff, or the only one with the address), or null
 * @param candidates        the directory patients with the sender's address
 * @param coverage          staff away at {@code at}, each with the colleague covering them
 * @param onCallStaff       who is on call at the location at {@code at}, or null
 * @param lastAfterHoursReply when the patient last got the after-hours reply at this location, or null
 */
public record RoutingSituation(Place place, String channel, String text, Triage triage, PatientCandidate patient,
        List<PatientCandidate> candidates, Instant at, OpeningHours hours, RuleSet rules, Map<String, String> coverage,
        String onCallStaff, Instant lastAfterHoursReply) {

    /** A location as routing sees it: its queues by code (with names) and its special queues. */
    public record Place(String code, String name, String defaultQueue, String clinicalQueue, String intakeQueue,
            String identityReviewQueue, Map<String, String> queueNames, Duration autoReplyInterval) {

        String queueName(String code) {
            return queueNames.getOrDefault(code, code);
        }
    }

    /** The rules in force: a version and its ordered rules. */
    public record RuleSet(int version, List<RoutingRule> rules) {
    }
}
