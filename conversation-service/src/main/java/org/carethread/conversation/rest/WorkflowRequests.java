package org.carethread.conversation.rest;

/** Bodies of the staff actions on a conversation. */
public final class WorkflowRequests {
    private WorkflowRequests() {
    }

    /** Exactly one of: a colleague (username or Keycloak subject), or a queue code. */
    public record Assign(String assignee, String queue) {
    }

    /** The colleague who takes over, and why (required). */
    public record Handoff(String to, String reason) {
    }

    /** supervisor, clinical-review or call-patient, and why (required). */
    public record Escalate(String kind, String reason) {
    }

    /** An ISO-8601 date-time in the future, with its offset, e.g. {@code 2026-11-23T09:00:00-05:00}. */
    public record Snooze(String until) {
    }

    /** One of the codes of {@code GET /api/outcomes}. */
    public record Resolve(String outcome) {
    }
}
