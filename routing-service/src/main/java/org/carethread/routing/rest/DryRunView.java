package org.carethread.routing.rest;

import java.time.Instant;
import java.util.List;

/**
 * The dry run's answer: what the pipeline would decide. {@code triageReasons} quote the text sent, never anything
 * stored; {@code patientId} is only set when {@code from} matched the directory.
 */
public record DryRunView(String locationCode, String queue, String priority, String identity, String patientId,
        String category, String urgency, String language, List<String> triageReasons, String safetyRuleId,
        String ruleId, Integer rulesVersion, String directedTo, String autoReplyKind, Instant clockStartsAt,
        boolean alertsOnCall, String onCallStaff, String reason) {
}
