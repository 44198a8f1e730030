package org.carethread.routing.service;

import java.time.Instant;

/**
 * Where a message goes and what happens with it, as the planner decided. The reason is written for staff and holds
 * no PHI; what the classifier saw in the message travels separately, sealed.
 *
 * @param identity      {@code matched}, {@code review} or {@code new-contact}
 * @param ruleId        the routing rule that fired, or null
 * @param directedTo    a staff username or {@code team:<code>}, after out-of-office coverage; null for the whole queue
 * @param autoReplyKind {@code safety}, {@code after-hours} or null
 * @param alertOnCall   whether the on-call staff member is to be alerted (emergencies)
 */
public record RoutingPlan(String queue, String priority, String identity, String ruleId, int rulesVersion,
        String directedTo, String autoReplyKind, Instant clockStartsAt, boolean alertOnCall, String reason) {
}
