package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A conversation with one patient at one location. The patient's address is stored sealed. */
@Entity
@Table(name = "conversation")
public class Conversation {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    @Id
    public UUID id;
    @Column(name = "location_code")
    public String locationCode;
    @Column(name = "queue_code")
    public String queueCode;
    public String channel;
    @Column(name = "patient_ref")
    public String patientRef;
    @Column(name = "sealed_patient_address")
    public String sealedPatientAddress;
    @Column(name = "practice_number")
    public String practiceNumber;
    public String status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "last_message_at")
    public Instant lastMessageAt;
    @Version
    public Long version;

    public boolean isClosed() {
        return CLOSED.equals(status);
    }

    /** Activity only moves forward: a late-arriving older message does not make the conversation look stale. */
    public void touch(Instant at) {
        if (lastMessageAt == null || at.isAfter(lastMessageAt)) {
            lastMessageAt = at;
        }
    }
}
