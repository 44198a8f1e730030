package org.carethread.schemas.events;

import java.time.Instant;

/**
 * A staff member's absence was ended early or withdrawn: they are available again. Topic {@code practice.schedule},
 * key {@code staffUser}. No PHI.
 */
public record StaffAwayCleared(String staffUser, String clearedBy, Instant clearedAt) {
}
