package org.carethread.routing.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IdentityReviewRepository {

    /** The review the message opened, or the open review of the same sender at the location; null if neither. */
    public Uni<IdentityReview> forMessageOrSender(Mutiny.Session session, String messageEventId, String patientRef,
            String locationCode) {
        return session.createSelectionQuery("from IdentityReview where messageEventId = :event"
                + " or (patientRef = :ref and locationCode = :location and status = :open)"
                + " order by openedAt, id", IdentityReview.class)
                .setParameter("event", messageEventId)
                .setParameter("ref", patientRef)
                .setParameter("location", locationCode)
                .setParameter("open", IdentityReview.OPEN)
                .setMaxResults(1)
                .getSingleResultOrNull();
    }

    /** Open reviews at these locations, oldest first (the sender who has waited longest). */
    public Uni<List<IdentityReview>> openInLocations(Mutiny.Session session, Collection<String> locations) {
        return session.createSelectionQuery("from IdentityReview where status = :open"
                + " and locationCode in :locations order by openedAt, id", IdentityReview.class)
                .setParameter("open", IdentityReview.OPEN)
                .setParameter("locations", locations)
                .getResultList();
    }

    /** A review at one of the locations, locked for its confirmation; null if there is none there. */
    public Uni<IdentityReview> findInLocationsForUpdate(Mutiny.Session session, UUID id,
            Collection<String> locations) {
        return session.createSelectionQuery("from IdentityReview where id = :id and locationCode in :locations",
                IdentityReview.class)
                .setParameter("id", id)
                .setParameter("locations", locations)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull();
    }

    public Uni<List<IdentityReviewCandidate>> candidatesOf(Mutiny.Session session, Collection<UUID> reviewIds) {
        if (reviewIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from IdentityReviewCandidate where reviewId in :ids"
                + " order by reviewId, position", IdentityReviewCandidate.class)
                .setParameter("ids", reviewIds)
                .getResultList();
    }
}
