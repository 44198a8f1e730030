package org.carethread.routing.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientLinkRepository {

    /** The sender's active link at the location, or null; locked when it is about to be replaced. */
    public Uni<PatientLink> active(Mutiny.Session session, String patientRef, String locationCode, boolean forUpdate) {
        var query = session.createSelectionQuery("from PatientLink where patientRef = :ref"
                + " and locationCode = :location and unlinkedAt is null", PatientLink.class)
                .setParameter("ref", patientRef)
                .setParameter("location", locationCode);
        if (forUpdate) {
            query = query.setLockMode(LockMode.PESSIMISTIC_WRITE);
        }
        return query.getSingleResultOrNull();
    }

    /** A link at one of the locations, active or not, locked; null if there is none there. */
    public Uni<PatientLink> findInLocationsForUpdate(Mutiny.Session session, UUID id, Collection<String> locations) {
        return session.createSelectionQuery("from PatientLink where id = :id and locationCode in :locations",
                PatientLink.class)
                .setParameter("id", id)
                .setParameter("locations", locations)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull();
    }

    public Uni<PatientLink> findInLocations(Mutiny.Session session, UUID id, Collection<String> locations) {
        return session.createSelectionQuery("from PatientLink where id = :id and locationCode in :locations",
                PatientLink.class)
                .setParameter("id", id)
                .setParameter("locations", locations)
                .getSingleResultOrNull();
    }

    /** The active links of these patients, oldest first. */
    public Uni<List<PatientLink>> activeOf(Mutiny.Session session, Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from PatientLink where patientId in :ids and unlinkedAt is null"
                + " order by linkedAt, id", PatientLink.class)
                .setParameter("ids", patientIds)
                .getResultList();
    }
}
