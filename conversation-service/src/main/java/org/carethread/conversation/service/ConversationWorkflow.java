package org.carethread.conversation.service;

import org.carethread.schemas.staff.StaffMember;
import org.carethread.schemas.staff.StaffRoles;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationChange;
import org.carethread.conversation.repository.ConversationChangeRepository;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.repository.ConversationRepository.Summary;
import org.carethread.conversation.repository.Outcome;
import org.carethread.conversation.repository.OutcomeRepository;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * What staff do to move a conversation to its outcome: claim, assign, hand off, escalate, snooze, resolve, reopen.
 * Each action locks the conversation's row, so two staff acting at once apply one after the other and the second sees
 * the first's result (a second claim is refused, not lost); a client that sends the version it saw (If-Match) is
 * refused if anyone changed the conversation since. The change, its history entry and its event are one transaction.
 */
@ApplicationScoped
public class ConversationWorkflow {
    public static final String ACCESS_HISTORY_READ = "conversation.history.read";

    private final Mutiny.SessionFactory sessions;
    private final ConversationService scope;
    private final ConversationRepository conversations;
    private final ConversationChangeRepository changes;
    private final OutcomeRepository outcomes;
    private final ConversationChangeLog changeLog;
    private final Outbox outbox;

    public ConversationWorkflow(Mutiny.SessionFactory sessions, ConversationService scope,
            ConversationRepository conversations, ConversationChangeRepository changes, OutcomeRepository outcomes,
            ConversationChangeLog changeLog, Outbox outbox) {
        this.sessions = sessions;
        this.scope = scope;
        this.conversations = conversations;
        this.changes = changes;
        this.outcomes = outcomes;
        this.changeLog = changeLog;
        this.outbox = outbox;
    }

    /** The caller takes the conversation. Already theirs: nothing changes. A colleague's: refused, naming them. */
    public Uni<Summary> claim(StaffMember staff, UUID id, Long expectedVersion) {
        return change(staff, id, expectedVersion, ConversationChangeLog.CLAIM, null, conversation -> {
            if (staff.is(conversation.assignee)) {
                return false;
            }
            if (conversation.assignee != null) {
                throw new ConversationHeldException(conversation.assignee);
            }
            conversation.assignTo(staff.name());
            return true;
        });
    }

    public Uni<Summary> assignToColleague(StaffMember staff, UUID id, Long expectedVersion, String assignee) {
        return change(staff, id, expectedVersion, ConversationChangeLog.ASSIGN, null, conversation -> {
            conversation.assignTo(assignee);
            return true;
        });
    }

    /** Back to a queue, without an owner, for whoever works that queue. */
    public Uni<Summary> moveToQueue(StaffMember staff, UUID id, Long expectedVersion, String queue) {
        return change(staff, id, expectedVersion, ConversationChangeLog.ASSIGN, null, conversation -> {
            conversation.moveToQueue(queue);
            return true;
        });
    }

    public Uni<Summary> handoff(StaffMember staff, UUID id, Long expectedVersion, String to, String reason) {
        return change(staff, id, expectedVersion, ConversationChangeLog.HANDOFF, reason, conversation -> {
            conversation.assignTo(to);
            return true;
        });
    }

    public Uni<Summary> escalate(StaffMember staff, UUID id, Long expectedVersion, String kind, String reason) {
        return change(staff, id, expectedVersion, ConversationChangeLog.ESCALATE, reason, conversation -> {
            conversation.escalation = kind;
            return true;
        });
    }

    public Uni<Summary> snooze(StaffMember staff, UUID id, Long expectedVersion, Instant until) {
        return change(staff, id, expectedVersion, ConversationChangeLog.SNOOZE, null, conversation -> {
            conversation.snooze(until);
            return true;
        });
    }

    /** Resolves with one of the practice's outcomes; a resolved conversation may be given a corrected outcome. */
    public Uni<Summary> resolve(StaffMember staff, UUID id, Long expectedVersion, String outcome) {
        return sessions.withTransaction(session -> outcomes.isActive(session, outcome)
                .chain(known -> {
                    if (!known) {
                        return Uni.createFrom().failure(new UnknownOutcomeException());
                    }
                    return changeIn(session, staff, id, expectedVersion, ConversationChangeLog.RESOLVE, null, false,
                            conversation -> {
                                if (conversation.isResolved() && outcome.equals(conversation.outcome)) {
                                    return false;
                                }
                                conversation.resolve(outcome);
                                return true;
                            });
                }));
    }

    /** Back to work (with its owner, if it has one). A conversation already open is left as it is. */
    public Uni<Summary> reopen(StaffMember staff, UUID id, Long expectedVersion) {
        return sessions.withTransaction(session -> changeIn(session, staff, id, expectedVersion,
                ConversationChangeLog.REOPEN, null, false, conversation -> {
                    if (conversation.isOpen()) {
                        return false;
                    }
                    conversation.reopen();
                    return true;
                }));
    }

    /**
     * Every change, oldest first. Reasons are free text that may hold PHI, so reading them is an audited access,
     * recorded in the same transaction.
     */
    public Uni<List<ConversationChange>> history(StaffMember staff, UUID id, String clientAddress) {
        return sessions.withTransaction(session -> scope.visible(session, staff, id, false)
                .chain(conversation -> changes.ofConversation(session, conversation.id)
                        .call(() -> scope.recordAccess(session, staff, conversation, ACCESS_HISTORY_READ,
                                clientAddress))));
    }

    public Uni<List<Outcome>> outcomes(boolean withRetired) {
        return sessions.withSession(session -> withRetired ? outcomes.all(session) : outcomes.active(session));
    }

    /**
     * Adds an outcome to the practice's list (last, unless a position is given) or changes one. Retiring it
     * ({@code active} false) stops it being offered; conversations resolved with it keep it.
     */
    public Uni<Outcome> saveOutcome(String code, String label, Integer position, Boolean active) {
        return sessions.withTransaction(session -> session.find(Outcome.class, code)
                .chain(found -> {
                    if (found != null) {
                        found.label = label;
                        found.position = position != null ? position : found.position;
                        found.active = active != null ? active : found.active;
                        return Uni.createFrom().item(found);
                    }
                    Outcome outcome = new Outcome();
                    outcome.code = code;
                    outcome.label = label;
                    outcome.active = active == null || active;
                    return (position != null ? Uni.createFrom().item(position)
                            : outcomes.lastPosition(session).map(last -> last + 1))
                            .chain(at -> {
                                outcome.position = at;
                                return session.persist(outcome).replaceWith(outcome);
                            });
                }));
    }

    private Uni<Summary> change(StaffMember staff, UUID id, Long expectedVersion, String action, String reason,
            Predicate<Conversation> apply) {
        return sessions.withTransaction(session -> changeIn(session, staff, id, expectedVersion, action, reason, true,
                apply));
    }

    /**
     * Locks the conversation, checks the client's version, applies the change and records it. {@code apply} answers
     * false when there is nothing to change; then nothing is recorded.
     */
    private Uni<Summary> changeIn(Mutiny.Session session, StaffMember staff, UUID id, Long expectedVersion,
            String action, String reason, boolean needsInProgress, Predicate<Conversation> apply) {
        return scope.visible(session, staff, id, true)
                .chain(conversation -> {
                    if (expectedVersion != null && !expectedVersion.equals(conversation.version)) {
                        throw new ConversationChangedException(conversation.version);
                    }
                    if (needsInProgress && conversation.isResolved()) {
                        throw new ConversationResolvedException();
                    }
                    Before before = Before.of(conversation);
                    if (!apply.test(conversation)) {
                        return Uni.createFrom().item(conversation);
                    }
                    return changeLog.record(session, conversation, before, action, ChangeActor.of(staff), reason)
                            .chain(session::flush)
                            .replaceWith(conversation);
                })
                .chain(conversation -> conversations.messageCount(session, conversation.id)
                        .map(count -> new Summary(conversation, count)));
    }
}
