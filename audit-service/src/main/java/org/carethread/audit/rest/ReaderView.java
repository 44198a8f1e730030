package org.carethread.audit.rest;

import java.time.Instant;
import java.util.List;

/**
 * One read of a conversation's PHI: who (subject, and username when the reading service named it), in which roles
 * (when it named them), what, when, where.
 */
public record ReaderView(String staffUserId, List<String> roles, String action, Instant readAt,
        String clientAddress, String locationCode, boolean breakGlass, String purpose, String staffName) {
}
