package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.List;

/**
 * How one queue's work is handed out and answered, as the practice admin set it.
 *
 * @param team               the team that works the queue and alone (with those who oversee the practice) sees its
 *                           conversations; null: everyone at the location
 * @param assignment         none, round-robin or least-loaded
 * @param openCap            most conversations one member may own (not resolved) before being passed by; null: no cap
 * @param returnAfterMinutes an owner who has not answered within this time loses the conversation; null: never
 * @param members            who auto-assignment chooses from, in round-robin order
 * @param lastAssigned       round robin: who was given the last one
 * @param responseTargets    this queue's own targets; a priority missing here takes the practice default
 */
public record QueueSetting(String queueCode, String locationCode, String team, String assignment, Integer openCap,
        Integer returnAfterMinutes, List<String> members, String lastAssigned, List<ResponseTarget> responseTargets,
        String updatedBy, Instant updatedAt) {

    public static final String NONE = "none";
    public static final String ROUND_ROBIN = "round-robin";
    public static final String LEAST_LOADED = "least-loaded";
    public static final List<String> ASSIGNMENTS = List.of(NONE, ROUND_ROBIN, LEAST_LOADED);

    public boolean assignsAutomatically() {
        return !NONE.equals(assignment);
    }

    /** Whether someone who owns this many conversations may be given one more. */
    public boolean underCap(long load) {
        return openCap == null || load < openCap;
    }

    /**
     * How long staff have to answer a patient at one priority.
     *
     * @param businessHours counted in the location's opening hours only (else around the clock)
     */
    public record ResponseTarget(String priority, int minutes, boolean businessHours) {
    }
}
