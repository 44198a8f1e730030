package org.carethread.routing.triage;

import java.util.List;

/**
 * How a patient message was classified, and why.
 *
 * @param category what the message is about
 * @param urgency how soon a person must look at it
 * @param language {@code en} or {@code es}: the language of any reply
 * @param reasons short sentences for staff. They quote the patient's words, so they are PHI: seal them, never log them
 * @param safetyRuleId the safety rule that fired, or {@code null} when none did
 * @param safetyReply {@code call-911} or {@code call-988} when a safety rule fired, else {@code null}; the text is
 *        {@link TriageClassifier#safetyReplyText(String, String)}
 * @param rulesVersion version of the safety rules that were applied
 */
public record Triage(Category category, Urgency urgency, String language, List<String> reasons,
        String safetyRuleId, String safetyReply, int rulesVersion) {

    public Triage {
        reasons = List.copyOf(reasons);
    }

    @Override
    public String toString() {
        // Reasons quote the patient: never let them reach a log line through toString.
        return "Triage[category=" + category.code() + ", urgency=" + urgency.code() + ", language=" + language
                + ", safetyRuleId=" + safetyRuleId + ", safetyReply=" + safetyReply + ", rulesVersion="
                + rulesVersion + ", reasons=" + reasons.size() + " (not shown)]";
    }
}
