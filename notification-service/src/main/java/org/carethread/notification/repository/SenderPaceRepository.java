package org.carethread.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** SQL of the sender_pace table; every method runs in the caller's session. */
@ApplicationScoped
public class SenderPaceRepository {

    /**
     * The number's pace row, locked for this transaction (made on its first message): whoever holds it decides
     * alone, across instances, whether the number may call the carrier now.
     */
    public Uni<SenderPace> lock(Mutiny.Session session, String practiceNumber) {
        return session.createNativeQuery("insert into sender_pace (practice_number) values (:number)"
                        + " on conflict do nothing")
                .setParameter("number", practiceNumber)
                .executeUpdate()
                .chain(() -> session.find(SenderPace.class, practiceNumber, LockModeType.PESSIMISTIC_WRITE));
    }
}
