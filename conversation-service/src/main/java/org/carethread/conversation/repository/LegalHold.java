package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A legal hold: while it is not released, retention never purges the held conversation, or any conversation with the
 * held directory patient. Exactly one of {@link #patientId} and {@link #conversationId} is set.
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold {
    @Id
    public UUID id;
    @Column(name = "patient_id")
    public String patientId;
    @Column(name = "conversation_id")
    public UUID conversationId;
    /** Why, sealed: a case or request that may name the patient. */
    @Column(name = "sealed_reason")
    public String sealedReason;
    @Column(name = "placed_by")
    public String placedBy;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Column(name = "released_by")
    public String releasedBy;
    @Column(name = "released_at")
    public Instant releasedAt;

    public boolean isActive() {
        return releasedAt == null;
    }
}
