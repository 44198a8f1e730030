package org.carethread.routing.rest;

import java.time.Instant;
import java.util.List;

/** An open identity review: who might have written from the shared address, at which location, since when. */
public record IdentityReviewView(String id, String patientRef, String locationCode, Instant openedAt,
        List<Candidate> candidates) {

    /** A patient the review offers, with what staff need to tell them apart. */
    public record Candidate(String patientId, String givenName, String familyName, String birthDate,
            String homeLocation, String primaryProvider) {
    }
}
