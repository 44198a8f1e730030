package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.carethread.schemas.Channels;

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

    public static final String CRITICAL = "critical";
    public static final String HIGH = "high";
    public static final String NORMAL = "normal";
    public static final String LOW = "low";
    /** Most urgent first; the order lists sort by (V4's priority_rank column ranks the same way). */
    public static final List<String> PRIORITIES = List.of(CRITICAL, HIGH, NORMAL, LOW);

    /** The sender is the one directory patient with this address, or staff confirmed who it is. */
    public static final String MATCHED = "matched";

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

    /** The directory patient the sender is (opaque id, not PHI); null unless {@link #identity} is matched. */
    @Column(name = "patient_id")
    public String patientId;
    /** The directory patient's given name, sealed, for greeting them in templates; null unless matched. */
    @Column(name = "sealed_patient_given_name")
    public String sealedPatientGivenName;
    /** matched, review or new-contact. */
    public String identity;
    /** When identity and patient were last set, by a decision or a link; older news never overrides them. */
    @Column(name = "identity_at")
    public Instant identityAt;
    public String category;
    /** emergency, urgent or routine: what routing made of the latest message. */
    public String urgency;
    /** critical, high, normal or low; never null. */
    public String priority = NORMAL;
    /** Computed by PostgreSQL from status and priority; only read, for sorting. */
    @Column(name = "priority_rank", insertable = false, updatable = false)
    public Short priorityRank;
    /** What led the classifier to its category and urgency: a JSON array of sentences, sealed (they quote the message). */
    @Column(name = "sealed_triage_reasons")
    public String sealedTriageReasons;
    /** Routing's sentence for staff: why the conversation is here (no PHI). */
    @Column(name = "routing_reason")
    public String routingReason;
    @Column(name = "rule_id")
    public String ruleId;
    @Column(name = "rules_version")
    public Integer rulesVersion;
    /** A staff username or {@code team:<code>} the latest message is directed to; null for the whole queue. */
    @Column(name = "directed_to")
    public String directedTo;
    /** The automatic reply the latest decision asked for: safety, after-hours, or null. */
    @Column(name = "auto_reply_kind")
    public String autoReplyKind;
    @Column(name = "reply_language")
    public String replyLanguage;
    /** When the response clock started: the first patient message since staff last had nothing to do. */
    @Column(name = "clock_started_at")
    public Instant clockStartedAt;
    /** When the on-call staff member was last alerted about it. */
    @Column(name = "alerted_at")
    public Instant alertedAt;
    /** Who was on call then; null when nobody was and the whole queue was alerted. */
    @Column(name = "on_call_staff")
    public String onCallStaff;
    /** When the current owner got it; the return timer counts from here or from the patient's latest wait. */
    @Column(name = "assigned_at")
    public Instant assignedAt;
    /** When the patient message that opened or reopened it arrived; its resolution time counts from here. */
    @Column(name = "episode_started_at")
    public Instant episodeStartedAt;
    /** When staff first answered in this episode; null until then. */
    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;
    /**
     * When staff should answer the patient waiting now, and whether that is approaching or overdue. ResponseClocks
     * keeps both with its own updates, so a staff action never writes back a stale value (nor bumps the version).
     */
    @Column(name = "response_due_at", insertable = false, updatable = false)
    public Instant responseDueAt;
    @Column(name = "target_flag", insertable = false, updatable = false)
    public String targetFlag;
    @Version
    public Long version;

    /** How replies go out: a voicemail is answered by text, to the number that called; others on their own channel. */
    public String replyChannel() {
        return Channels.VOICEMAIL.equals(channel) ? Channels.SMS : channel;
    }

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
        if (username != null && !username.equals(assignee)) {
            assignedAt = Instant.now();
        }
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

    /** The patient wrote to a resolved conversation, or a new one: a new episode starts, with nobody answered yet. */
    public void startEpisode(Instant at) {
        episodeStartedAt = at;
        firstRespondedAt = null;
    }

    /** Someone at the practice has to act and the response clock runs. */
    public boolean waitsOnStaff() {
        return isOpen() && clockStartedAt != null;
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

    /**
     * How a priority sorts: critical 0, high 1, normal 2, low 3; an unknown or missing one as normal. The same ranks
     * as the priority_rank column, which ranks every resolved conversation as normal.
     */
    public static int rankOf(String priority) {
        int rank = priority == null ? -1 : PRIORITIES.indexOf(priority);
        return rank < 0 ? PRIORITIES.indexOf(NORMAL) : rank;
    }

    /** The more urgent of two priorities. */
    public static String higherPriority(String a, String b) {
        return rankOf(a) <= rankOf(b) ? PRIORITIES.get(rankOf(a)) : PRIORITIES.get(rankOf(b));
    }

    /** A priority as stored: one of {@link #PRIORITIES}; missing (or unknown) means normal. */
    public static String priorityOf(String priority) {
        return PRIORITIES.get(rankOf(priority));
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
