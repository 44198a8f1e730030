package org.carethread.conversation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.config.ConversationConfig;
import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.BreakGlassRepository;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.repository.Conversation;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.BreakGlassGranted;
import org.carethread.schemas.staff.StaffMember;
import org.carethread.schemas.staff.StaffRoles;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Break-glass: a staff member opens a conversation outside their locations (a patient of another clinic at their
 * desk, an emergency) by saying why. They may read it for {@code break-glass-minutes}; the grant is an audited access
 * with the reason as its purpose, every read meanwhile carries the same purpose, and a {@code BreakGlassGranted}
 * event raises it for supervisors and compliance officers. It never lets anyone change the conversation.
 */
@ApplicationScoped
public class BreakGlass {
    public static final String ACCESS_BREAK_GLASS = "conversation.break-glass";

    private final Mutiny.SessionFactory sessions;
    private final BreakGlassRepository grants;
    private final ConversationRepository conversations;
    private final Outbox outbox;
    private final PhiCipher cipher;
    private final ConversationConfig config;

    public BreakGlass(Mutiny.SessionFactory sessions, BreakGlassRepository grants, ConversationRepository conversations,
            Outbox outbox, PhiCipher cipher, ConversationConfig config) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.grants = grants;
        this.outbox = outbox;
        this.cipher = cipher;
        this.config = config;
    }

    public Uni<BreakGlassGranted> grant(StaffMember staff, UUID conversationId, String reason, String clientAddress) {
        return sessions.withTransaction(session -> session.find(Conversation.class, conversationId)
                .onItem().ifNull().failWith(ConversationNotFoundException::new)
                .call(conversation -> conversations.scopeOf(session, staff)
                        .chain(scope -> conversations.findInScope(session, conversation.id, scope, false))
                        .invoke(inScope -> {
                            if (inScope != null) {
                                throw new AlreadyInScopeException();
                            }
                        }))
                .chain(conversation -> {
                    Instant now = Instant.now();
                    UUID grantId = UUID.randomUUID();
                    String sealedReason = cipher.seal(reason);
                    BreakGlassGranted granted = new BreakGlassGranted(grantId.toString(), conversation.id.toString(),
                            conversation.locationCode, conversation.patientRef, staff.id(), staff.name(),
                            StaffRoles.of(staff), now.plus(Duration.ofMinutes(config.breakGlassMinutes())), now);
                    String subject = conversation.id.toString();
                    return grants.grant(session, grantId, conversation.id, staff.id(), staff.name(), sealedReason,
                            now, granted.expiresAt())
                            .chain(() -> outbox.add(session, Topics.AUDIT_ACCESS, EventTypes.PHI_ACCESSED,
                                    conversation.patientRef, subject, ConversationEvents.access(conversation,
                                            ACCESS_BREAK_GLASS, staff, clientAddress, sealedReason, now)))
                            .chain(() -> outbox.add(session, Topics.AUDIT_ACCESS, EventTypes.BREAK_GLASS_GRANTED,
                                    conversation.patientRef, subject, granted))
                            .replaceWith(granted);
                }));
    }

    /** Break-glass is for conversations outside one's scope; inside it, it is refused, to keep the audit clear. */
    public static class AlreadyInScopeException extends RuntimeException {
        public AlreadyInScopeException() {
            super("conversation already in scope", null, false, false);
        }
    }
}
