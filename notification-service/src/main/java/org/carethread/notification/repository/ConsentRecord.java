package org.carethread.notification.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** The current consent of one patient for one practice number, and the message that last changed it. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {
    @EmbeddedId
    public ConsentKey key;
    @Enumerated(EnumType.STRING)
    public ConsentState state;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "source_event_id")
    public String sourceEventId;
}
