package org.carethread.schemas;

/**
 * CloudEvents {@code type} values. The suffix is the contract version: adding an optional field keeps it,
 * anything else is a new version.
 */
public final class EventTypes {
    public static final String MESSAGE_RECEIVED = "carethread.message.received.v1";
    public static final String MEDIA_RECEIVED = "carethread.media.received.v1";
    public static final String DELIVERY_RECEIPT = "carethread.message.receipt.v1";
    public static final String ROUTING_DECIDED = "carethread.routing.decided.v1";
    public static final String CONVERSATION_OPENED = "carethread.conversation.opened.v1";
    public static final String CONVERSATION_MESSAGE_ADDED = "carethread.conversation.message-added.v1";
    public static final String CONVERSATION_REPLIED = "carethread.conversation.replied.v1";
    public static final String CONVERSATION_ASSIGNED = "carethread.conversation.assigned.v1";
    public static final String CONVERSATION_STATUS_CHANGED = "carethread.conversation.status-changed.v1";
    public static final String CONVERSATION_ESCALATED = "carethread.conversation.escalated.v1";
    public static final String CONVERSATION_NOTE_ADDED = "carethread.conversation.note-added.v1";
    public static final String CONVERSATION_DELIVERY_UPDATED = "carethread.conversation.delivery-updated.v1";
    public static final String CONVERSATION_TARGET_FLAGGED = "carethread.conversation.target-flagged.v1";
    public static final String CONVERSATION_PURGED = "carethread.conversation.purged.v1";
    public static final String OUTBOUND_REQUESTED = "carethread.outbound.requested.v1";
    public static final String OUTBOUND_STATUS = "carethread.outbound.status.v1";
    public static final String PHI_ACCESSED = "carethread.phi.accessed.v1";
    public static final String BREAK_GLASS_GRANTED = "carethread.access.break-glass-granted.v1";
    public static final String ON_CALL_ALERTED = "carethread.oncall.alerted.v1";
    public static final String PATIENT_LINKED = "carethread.patient.linked.v1";
    public static final String PATIENT_UNLINKED = "carethread.patient.unlinked.v1";
    public static final String LOCATION_HOURS_SET = "carethread.location.hours-set.v1";
    public static final String STAFF_AWAY_SET = "carethread.staff.away-set.v1";
    public static final String STAFF_AWAY_CLEARED = "carethread.staff.away-cleared.v1";

    private EventTypes() {
    }
}
