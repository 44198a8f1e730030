package org.carethread.notification.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** SQL of the consent ledger (consent_record, consent_change); every method runs in the caller's session. */
@ApplicationScoped
public class ConsentRepository {

    public Uni<ConsentRecord> find(Mutiny.Session session, String patientRef, String practiceNumber) {
        return session.find(ConsentRecord.class, new ConsentKey(patientRef, practiceNumber));
    }

    /** Locked, so two keywords from one patient handled at once (two instances) change the state one at a time. */
    public Uni<ConsentRecord> findForUpdate(Mutiny.Session session, String patientRef, String practiceNumber) {
        return session.find(ConsentRecord.class, new ConsentKey(patientRef, practiceNumber),
                LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Void> add(Mutiny.Session session, ConsentRecord record) {
        return session.persist(record);
    }

    public Uni<Void> record(Mutiny.Session session, ConsentChange change) {
        return session.persist(change);
    }

    public Uni<List<ConsentRecord>> currentOf(Mutiny.Session session, String patientRef) {
        return session.createSelectionQuery("from ConsentRecord where key.patientRef = :patientRef"
                        + " order by key.practiceNumber", ConsentRecord.class)
                .setParameter("patientRef", patientRef)
                .getResultList();
    }

    public Uni<List<ConsentChange>> historyOf(Mutiny.Session session, String patientRef) {
        return session.createSelectionQuery("from ConsentChange where patientRef = :patientRef"
                        + " order by changedAt, sourceEventId", ConsentChange.class)
                .setParameter("patientRef", patientRef)
                .getResultList();
    }
}
