package org.carethread.conversation.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.carethread.messaging.InboundEvent;
import org.carethread.schemas.events.PatientLinked;
import org.carethread.schemas.events.PatientUnlinked;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Staff confirmed (or undid) who writes from an address: the conversation in progress with that address at the
 * location now belongs to the directory patient (or no longer does). A resolved conversation keeps who it was with;
 * the next message's routing decision carries the link. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class PatientLinkHandler {
    private final ConversationRepository conversations;
    private final ConversationChangeLog changeLog;

    public PatientLinkHandler(ConversationRepository conversations, ConversationChangeLog changeLog) {
        this.conversations = conversations;
        this.changeLog = changeLog;
    }

    public Uni<Void> linked(Mutiny.Session session, PatientLinked link, InboundEvent event) {
        requireUsable(link.patientRef(), link.locationCode(), link.patientId(), link.linkedAt(), event);
        return conversations.findCurrentForUpdate(session, link.patientRef(), link.locationCode())
                .chain(conversation -> {
                    if (conversation == null || isStale(conversation, link.linkedAt())) {
                        return Uni.createFrom().voidItem();
                    }
                    conversation.patientId = link.patientId();
                    conversation.sealedPatientGivenName = link.sealedPatientGivenName();
                    conversation.identity = Conversation.MATCHED;
                    conversation.identityAt = link.linkedAt();
                    return changeLog.record(session, conversation, Before.of(conversation),
                            ConversationChangeLog.PATIENT_LINKED, staff(link.linkedBy()),
                            "Sender confirmed as patient " + link.patientId());
                });
    }

    /** Clears the patient only if the conversation is still theirs; who the sender is stays open until routing says. */
    public Uni<Void> unlinked(Mutiny.Session session, PatientUnlinked unlink, InboundEvent event) {
        requireUsable(unlink.patientRef(), unlink.locationCode(), unlink.patientId(), unlink.unlinkedAt(), event);
        return conversations.findCurrentForUpdate(session, unlink.patientRef(), unlink.locationCode())
                .chain(conversation -> {
                    if (conversation == null || !unlink.patientId().equals(conversation.patientId)
                            || isStale(conversation, unlink.unlinkedAt())) {
                        return Uni.createFrom().voidItem();
                    }
                    conversation.patientId = null;
                    conversation.sealedPatientGivenName = null;
                    conversation.identity = null;
                    conversation.identityAt = unlink.unlinkedAt();
                    return changeLog.record(session, conversation, Before.of(conversation),
                            ConversationChangeLog.PATIENT_UNLINKED, staff(unlink.unlinkedBy()),
                            "Link to patient " + unlink.patientId() + " undone");
                });
    }

    /** A routing decision or link made after this one already said who the sender is. */
    private static boolean isStale(Conversation conversation, Instant at) {
        return conversation.identityAt != null && at.isBefore(conversation.identityAt);
    }

    /** The events name staff by username only. */
    private static ChangeActor staff(String username) {
        return new ChangeActor(null, username);
    }

    private static void requireUsable(String patientRef, String locationCode, String patientId, Instant at,
            InboundEvent event) {
        if (patientRef == null || locationCode == null || patientId == null || patientId.isBlank() || at == null) {
            throw new IllegalArgumentException("patient link event " + event.id() + " lacks patientRef, locationCode,"
                    + " patientId or its time");
        }
    }
}
