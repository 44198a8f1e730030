package org.carethread.schemas.events;

import java.time.Instant;

/**
 * A staff member will be away (out of office) from one instant to another, and who covers for them. Routing sends
 * what would go to them to the colleague covering; conversation-service assigns them no work meanwhile. Replaces any
 * earlier absence of theirs. Topic {@code practice.schedule}, key {@code staffUser}. No PHI.
 *
 * @param coveredBy the covering colleague's username; null when nobody was named
 * @param setBy     who recorded it: the staff member themselves, a supervisor or a practice admin
 */
public record StaffAwaySet(String staffUser, Instant awayFrom, Instant awayUntil, String coveredBy, String setBy,
        Instant setAt) {
}
