package org.carethread.routing.repository;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One of the patients an identity review offers, in the directory's order. */
@Entity
@Table(name = "identity_review_candidate")
@IdClass(IdentityReviewCandidate.Key.class)
public class IdentityReviewCandidate {
    @Id
    @Column(name = "review_id")
    public UUID reviewId;
    @Id
    @Column(name = "patient_id")
    public UUID patientId;
    public short position;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public UUID reviewId;
        public UUID patientId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(reviewId, key.reviewId)
                    && Objects.equals(patientId, key.patientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reviewId, patientId);
        }
    }
}
