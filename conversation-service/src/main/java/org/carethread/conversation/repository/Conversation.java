package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A conversation with one patient at one location, worked by staff to an outcome. The patient's address is stored
 * sealed. It is unassigned or assigned while someone has to act, awaiting-patient after staff answered, snoozed
 * until a time, or resolved with an outcome. The owner is kept through every state, so a conversation that comes back
 * returns to the person who had it.
 */
@Entity
@Table(name = "conversation")
public class Conversation {
    public static final String UNASSIGNED = "unassigned";
    public static final String ASSIGNED = "assigned";
    public static final String AWAITING_PATIENT = "awaiting-patient";
    public static final String SNOOZED = "snoozed";
    public static final String RESOLVED = "resolved";
    public static final List<String> STATUSES = List.of(UNASSIGNED, ASSIGNED, AWAITING_PATIENT, SNOOZED, RESOLVED);

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
    /** Username of the staff member who owns it; null while it waits in its queue. */
    public String assignee;
    @Column(name = "snoozed_until")
    public Instant snoozedUntil;
    @Column(name = "resumes_as")
    public String resumesAs;
    public String outcome;
    public String escalation;
    @Version
    public Long version;

    public boolean isResolved() {
        return RESOLVED.equals(status);
    }

    /** Unassigned or assigned: someone at the practice has to act. */
    public boolean isOpen() {
        return UNASSIGNED.equals(status) || ASSIGNED.equals(status);
    }

    /** Activity only moves forward: a late-arriving older message does not make the conversation look stale. */
    public void touch(Instant at) {
        if (lastMessageAt == null || at.isAfter(lastMessageAt)) {
            lastMessageAt = at;
        }
    }

    /** Gives it an owner, or sends it back to its queue (null); an open conversation's status follows its owner. */
    public void assignTo(String username) {
        assignee = username;
        if (isOpen()) {
            status = openStatus();
        }
    }

    public void moveToQueue(String queue) {
        queueCode = queue;
        assignTo(null);
    }

    public void awaitPatient() {
        leave(AWAITING_PATIENT);
    }

    public void snooze(Instant until) {
        String previous = SNOOZED.equals(status) ? resumesAs : status;
        leave(SNOOZED);
        snoozedUntil = until;
        resumesAs = previous;
    }

    public void resolve(String outcomeCode) {
        leave(RESOLVED);
        outcome = outcomeCode;
        escalation = null;
    }

    /** Back to work: with its owner if it has one, otherwise in its queue. */
    public void reopen() {
        leave(openStatus());
    }

    /** The snooze is over: back to where it was when snoozed (an open state follows the owner it has now). */
    public void wake() {
        String back = AWAITING_PATIENT.equals(resumesAs) ? AWAITING_PATIENT : openStatus();
        leave(back);
    }

    private String openStatus() {
        return assignee == null ? UNASSIGNED : ASSIGNED;
    }

    private void leave(String next) {
        status = next;
        snoozedUntil = null;
        resumesAs = null;
        if (!RESOLVED.equals(next)) {
            outcome = null;
        }
    }
}
