package org.carethread.audit.rest;

import java.time.Instant;
import java.util.List;

/** One read of a conversation's PHI: who, in which roles (when the reading service named them), what, when, where. */
public record ReaderView(String staffUserId, List<String> roles, String action, Instant readAt,
        String clientAddress, String locationCode, boolean breakGlass, String purpose) {
}
