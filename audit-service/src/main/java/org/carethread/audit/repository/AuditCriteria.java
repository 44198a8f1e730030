package org.carethread.audit.repository;

import java.time.Instant;

/** What a compliance search asks for; every filter is optional and they combine with AND. */
public record AuditCriteria(String conversationId, String patientRef, String actor, String action, Instant from,
        Instant to, int page, int size) {
}
