package org.carethread.routing.service;

import org.carethread.schemas.staff.StaffMember;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.IdentityReview;
import org.carethread.routing.repository.IdentityReviewCandidate;
import org.carethread.routing.repository.IdentityReviewRepository;
import org.carethread.routing.repository.Patient;
import org.carethread.routing.repository.PatientRepository;
import org.carethread.routing.service.DirectoryExceptions.ReviewNotFound;
import org.carethread.routing.service.DirectoryExceptions.ReviewResolved;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Messages from an address several patients share wait for staff to say who wrote. Routing opens a review; staff at
 * the location list the open ones with their candidates (an audited read) and confirm one candidate, which links the
 * sender to that patient at the location.
 */
@ApplicationScoped
public class IdentityReviews {
    private final Mutiny.SessionFactory sessions;
    private final IdentityReviewRepository reviews;
    private final PatientRepository patients;
    private final PatientLinks links;
    private final PatientAudit audit;

    public IdentityReviews(Mutiny.SessionFactory sessions, IdentityReviewRepository reviews,
            PatientRepository patients, PatientLinks links, PatientAudit audit) {
        this.sessions = sessions;
        this.reviews = reviews;
        this.patients = patients;
        this.links = links;
        this.audit = audit;
    }

    /** An open review with the patients it offers, in the directory's order. */
    public record OpenReview(IdentityReview review, List<Patient> candidates) {
    }

    /**
     * Opens a review of who sent the message, in the caller's transaction. Idempotent: nothing is added when this
     * message already opened one, or when the sender already has an open review at the location (the message joins
     * it).
     *
     * @param candidateIds directory patient ids, as {@link PatientCandidate#id()}
     */
    public Uni<Void> open(Mutiny.Session session, String messageEventId, String patientRef, String locationCode,
            List<String> candidateIds) {
        return reviews.forMessageOrSender(session, messageEventId, patientRef, locationCode).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            IdentityReview review = new IdentityReview();
            review.id = UUID.randomUUID();
            review.messageEventId = messageEventId;
            review.patientRef = patientRef;
            review.locationCode = locationCode;
            review.status = IdentityReview.OPEN;
            review.openedAt = PatientDirectory.now();
            Set<UUID> ids = new LinkedHashSet<>();
            candidateIds.forEach(id -> ids.add(UUID.fromString(id)));
            Uni<Void> work = session.persist(review);
            short position = 0;
            for (UUID id : ids) {
                IdentityReviewCandidate candidate = new IdentityReviewCandidate();
                candidate.reviewId = review.id;
                candidate.patientId = id;
                candidate.position = position++;
                work = work.chain(() -> session.persist(candidate));
            }
            return work;
        });
    }

    /**
     * The open reviews at the staff member's locations, longest waiting first, with their candidates. Each candidate
     * shown is a PHI access ({@code identity-review.read}) at the review's location.
     */
    public Uni<List<OpenReview>> openAt(StaffMember staff, String clientAddress) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return sessions.withTransaction(session -> reviews.openInLocations(session, staff.locations())
                .chain(open -> reviews.candidatesOf(session, open.stream().map(r -> r.id).toList())
                        .chain(candidates -> patients.findAll(session,
                                candidates.stream().map(c -> c.patientId).distinct().toList())
                                .map(found -> withCandidates(open, candidates, found))))
                .call(open -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    Set<String> recorded = new LinkedHashSet<>();
                    for (OpenReview review : open) {
                        for (Patient patient : review.candidates()) {
                            if (recorded.add(patient.id + "@" + review.review().locationCode)) {
                                all = all.call(() -> audit.accessed(session, staff, PatientAudit.IDENTITY_REVIEW_READ,
                                        patient, review.review().locationCode, clientAddress));
                            }
                        }
                    }
                    return all;
                }));
    }

    /**
     * Staff say which candidate wrote: the sender is linked to that patient at the review's location (a
     * {@code PatientLinked} event) and the review is resolved, in one transaction.
     */
    public Uni<PatientLinks.Linking> confirm(StaffMember staff, UUID reviewId, UUID patientId) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().failure(new ReviewNotFound());
        }
        return sessions.withTransaction(session -> reviews.findInLocationsForUpdate(session, reviewId,
                staff.locations())
                .onItem().ifNull().failWith(ReviewNotFound::new)
                .chain(review -> {
                    if (!review.isOpen()) {
                        return Uni.createFrom().failure(new ReviewResolved());
                    }
                    return reviews.candidatesOf(session, List.of(review.id)).chain(candidates -> {
                        if (candidates.stream().noneMatch(c -> c.patientId.equals(patientId))) {
                            return Uni.createFrom().failure(new InvalidFieldsException("patientId",
                                    "must be one of the review's candidates; GET /api/routing/identity-reviews lists"
                                            + " them."));
                        }
                        return links.link(session, review.patientRef, review.locationCode, patientId, staff.name())
                                .invoke(linking -> review.resolve(staff.name(), patientId, PatientDirectory.now()));
                    });
                }));
    }

    private static List<OpenReview> withCandidates(List<IdentityReview> open, List<IdentityReviewCandidate> candidates,
            List<Patient> found) {
        Map<UUID, Patient> byId = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<UUID, List<IdentityReviewCandidate>> byReview = candidates.stream()
                .collect(Collectors.groupingBy(c -> c.reviewId));
        List<OpenReview> result = new ArrayList<>();
        for (IdentityReview review : open) {
            List<Patient> offered = byReview.getOrDefault(review.id, List.of()).stream()
                    .map(c -> byId.get(c.patientId)).filter(p -> p != null).toList();
            result.add(new OpenReview(review, offered));
        }
        return result;
    }
}
