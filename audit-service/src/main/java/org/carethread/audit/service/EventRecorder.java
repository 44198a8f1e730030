package org.carethread.audit.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.audit.mapping.EventEntryMapper;
import org.carethread.messaging.InboundEvent;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.smallrye.mutiny.Uni;

/** Records one event from any topic in the audit log. */
@ApplicationScoped
public class EventRecorder {
    private static final Logger LOG = Logger.getLogger(EventRecorder.class);

    private final AuditLog auditLog;
    private final ObjectMapper json;

    public EventRecorder(AuditLog auditLog, ObjectMapper json) {
        this.auditLog = auditLog;
        this.json = json;
    }

    public Uni<Void> record(Mutiny.Session session, String topic, InboundEvent event) {
        return auditLog.append(session, EventEntryMapper.toEntry(topic, event, data(event))).replaceWithVoid();
    }

    /** An event whose data is not JSON is still recorded, from its envelope alone: the log must not have holes. */
    private JsonNode data(InboundEvent event) {
        if (event.data() == null) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(event.data());
        } catch (Exception e) {
            LOG.warnf("event %s (%s) has no readable JSON data; recording its envelope only", event.id(), event.type());
            return MissingNode.getInstance();
        }
    }
}
