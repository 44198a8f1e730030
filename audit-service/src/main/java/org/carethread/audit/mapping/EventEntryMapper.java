package org.carethread.audit.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.carethread.audit.repository.AuditEntry;
import org.carethread.messaging.InboundEvent;
import org.carethread.schemas.EventTypes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns any CloudEvent into an audit entry. The data is read as a JSON tree and only these non-PHI fields are taken
 * from it, so event types added later are recorded without a code change, and sealed fields are never copied.
 */
public final class EventEntryMapper {
    private static final Map<String, String> ACTIONS = Map.of(
            EventTypes.MESSAGE_RECEIVED, "message.received",
            EventTypes.DELIVERY_RECEIPT, "delivery.receipt",
            EventTypes.ROUTING_DECIDED, "message.routed",
            EventTypes.CONVERSATION_OPENED, "conversation.opened",
            EventTypes.CONVERSATION_MESSAGE_ADDED, "message.added",
            EventTypes.CONVERSATION_REPLIED, "conversation.replied",
            EventTypes.OUTBOUND_REQUESTED, "reply.requested",
            EventTypes.OUTBOUND_STATUS, "delivery.status",
            EventTypes.PHI_ACCESSED, "phi.accessed");

    /** Producers of these types set the CloudEvents subject to the conversation id. */
    private static final String[] CONVERSATION_SUBJECT_TYPES = { "carethread.conversation.", "carethread.outbound.",
            "carethread.phi." };

    /** PhiCipher's form: {@code v1.<keyId>.<base64url>}, as the event schemas state it. */
    private static final Pattern SEALED = Pattern.compile("v1\\.[^.]+\\.[A-Za-z0-9_-]+");

    private EventEntryMapper() {
    }

    public static AuditEntry toEntry(String topic, InboundEvent event, JsonNode data) {
        AuditEntry entry = new AuditEntry();
        entry.eventId = event.id();
        entry.topic = topic;
        entry.eventType = event.type();
        entry.source = event.source();
        entry.subject = event.subject();
        entry.conversationId = text(data, "conversationId");
        if (entry.conversationId == null && hasConversationSubject(event.type())) {
            entry.conversationId = event.subject();
        }
        entry.patientRef = text(data, "patientRef");
        // Who did it: the staff member of a conversation event, who asked for a send, who changed the schedule.
        entry.actorUserId = firstText(data, "staffUserId", "requestedBy", "setBy", "clearedBy");
        entry.actorName = text(data, "staffUsername");
        entry.actorRoles = roles(data.path("staffRoles"));
        entry.sealedPurpose = sealed(text(data, "purpose"));
        entry.action = action(event.type(), data);
        entry.locationCode = text(data, "locationCode");
        entry.clientAddress = text(data, "clientAddress");
        entry.occurredAt = event.time() == null ? Instant.now() : event.time();
        return entry;
    }

    /** A short word for what happened; a read of PHI names what was read, as the reader's service reported it. */
    static String action(String type, JsonNode data) {
        if (EventTypes.PHI_ACCESSED.equals(type)) {
            String read = text(data, "action");
            if (read != null) {
                return read;
            }
        }
        String known = ACTIONS.get(type);
        return known != null ? known : type.replaceFirst("^carethread\\.", "").replaceFirst("\\.v\\d+$", "");
    }

    private static boolean hasConversationSubject(String type) {
        for (String prefix : CONVERSATION_SUBJECT_TYPES) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A purpose is free text (a break-glass reason) and so travels sealed; one that arrives in clear is left out
     * rather than stored as plaintext, and the entry still records the access.
     */
    private static String sealed(String purpose) {
        return purpose != null && SEALED.matcher(purpose).matches() ? purpose : null;
    }

    /** Role names of a {@code staffRoles} array, comma-separated; null when there are none. */
    private static String roles(JsonNode roles) {
        if (!roles.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        roles.forEach(role -> {
            if (role.isTextual() && !role.asText().isBlank()) {
                names.add(role.asText());
            }
        });
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static String firstText(JsonNode data, String... fields) {
        for (String field : fields) {
            String value = text(data, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }
}
