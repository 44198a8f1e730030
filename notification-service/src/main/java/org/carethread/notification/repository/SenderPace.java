package org.carethread.notification.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whose turn it is to send from one practice number, and when the carrier answered its last call. */
@Entity
@Table(name = "sender_pace")
public class SenderPace {
    @Id
    @Column(name = "practice_number")
    public String practiceNumber;
    @Column(name = "last_call_answered_at")
    public Instant lastCallAnsweredAt;
    @Column(name = "in_flight_outbound_id")
    public String inFlightOutboundId;
    @Column(name = "turn_held_until")
    public Instant turnHeldUntil;

    /** Whether a live carrier call holds the number's turn (one that outlived its lease has died). */
    public boolean heldAt(Instant now) {
        return inFlightOutboundId != null && turnHeldUntil.isAfter(now);
    }
}
