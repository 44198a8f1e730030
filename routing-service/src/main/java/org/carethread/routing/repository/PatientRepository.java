package org.carethread.routing.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Directory queries. Staff-facing ones are limited to the caller's locations in SQL; lists come in a stable order. */
@ApplicationScoped
public class PatientRepository {

    /** Every patient who writes from this address (a family phone gives several), oldest record first. */
    public Uni<List<Patient>> withAddress(Mutiny.Session session, String addressIndex) {
        return session.createSelectionQuery("from Patient p where p.id in (select a.patientId from PatientAddress a"
                + " where a.addressIndex = :index) order by p.createdAt, p.id", Patient.class)
                .setParameter("index", addressIndex)
                .getResultList();
    }

    public Uni<List<Patient>> withAddressInLocations(Mutiny.Session session, String addressIndex,
            Collection<String> locations) {
        return session.createSelectionQuery("from Patient p where p.homeLocationCode in :locations and p.id in"
                + " (select a.patientId from PatientAddress a where a.addressIndex = :index)"
                + " order by p.createdAt, p.id", Patient.class)
                .setParameter("index", addressIndex)
                .setParameter("locations", locations)
                .getResultList();
    }

    public Uni<Patient> withMrn(Mutiny.Session session, String mrnIndex) {
        return session.createSelectionQuery("from Patient where mrnIndex = :mrn", Patient.class)
                .setParameter("mrn", mrnIndex)
                .getSingleResultOrNull();
    }

    /** The patients holding any of these MRNs, locked: an import updates them. */
    public Uni<List<Patient>> withMrnsForUpdate(Mutiny.Session session, Collection<String> mrnIndexes) {
        if (mrnIndexes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from Patient where mrnIndex in :mrns order by id", Patient.class)
                .setParameter("mrns", mrnIndexes)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** The patient if their home is one of the locations; otherwise null, whether they exist elsewhere or not. */
    public Uni<Patient> findInLocations(Mutiny.Session session, UUID id, Collection<String> locations,
            boolean forUpdate) {
        var query = session.createSelectionQuery("from Patient where id = :id and homeLocationCode in :locations",
                Patient.class)
                .setParameter("id", id)
                .setParameter("locations", locations);
        if (forUpdate) {
            query = query.setLockMode(LockMode.PESSIMISTIC_WRITE);
        }
        return query.getSingleResultOrNull();
    }

    public Uni<List<Patient>> findAll(Mutiny.Session session, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from Patient where id in :ids order by createdAt, id", Patient.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The addresses of these patients: phones before e-mails, each in index order (stable, reveals nothing). */
    public Uni<List<PatientAddress>> addressesOf(Mutiny.Session session, Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from PatientAddress where patientId in :ids"
                + " order by patientId, kind desc, addressIndex", PatientAddress.class)
                .setParameter("ids", patientIds)
                .getResultList();
    }
}
