package org.carethread.conversation.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.LegalHold;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.staff.StaffMember;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Legal holds, placed and released by compliance officers: a hold keeps a patient's conversations (or one
 * conversation) past their retention period. Holds are kept after release, as the record of what was held when.
 */
@ApplicationScoped
public class LegalHolds {
    private final Mutiny.SessionFactory sessions;
    private final PhiCipher cipher;

    public LegalHolds(Mutiny.SessionFactory sessions, PhiCipher cipher) {
        this.sessions = sessions;
        this.cipher = cipher;
    }

    /** A hold with its reason opened, for the compliance officer. */
    public record Hold(LegalHold hold, String reason) {
    }

    public Uni<Hold> place(StaffMember staff, String patientId, UUID conversationId, String reason) {
        LegalHold hold = new LegalHold();
        hold.id = UUID.randomUUID();
        hold.patientId = patientId;
        hold.conversationId = conversationId;
        hold.sealedReason = cipher.seal(reason);
        hold.placedBy = staff.name();
        hold.placedAt = Instant.now();
        return sessions.withTransaction(session -> session.persist(hold)).replaceWith(new Hold(hold, reason));
    }

    public Uni<List<Hold>> list(boolean withReleased) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "from LegalHold" + (withReleased ? "" : " where releasedAt is null") + " order by placedAt desc",
                LegalHold.class).getResultList())
                .map(holds -> holds.stream().map(hold -> new Hold(hold, cipher.open(hold.sealedReason))).toList());
    }

    /** Releases an active hold; one already released is answered as it is. */
    public Uni<Hold> release(StaffMember staff, UUID id) {
        return sessions.withTransaction(session -> session.find(LegalHold.class, id)
                .onItem().ifNull().failWith(LegalHoldNotFoundException::new)
                .invoke(hold -> {
                    if (hold.isActive()) {
                        hold.releasedBy = staff.name();
                        hold.releasedAt = Instant.now();
                    }
                }))
                .map(hold -> new Hold(hold, cipher.open(hold.sealedReason)));
    }

    public static class LegalHoldNotFoundException extends RuntimeException {
        public LegalHoldNotFoundException() {
            super("legal hold not found", null, false, false);
        }
    }
}
