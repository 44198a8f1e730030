package org.carethread.routing.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A link of a sender's address (its blind index, {@code patientRef}) to a directory patient at a location. No PHI. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkView(String id, String patientRef, String locationCode, String patientId, String linkedBy,
        Instant linkedAt, String unlinkedBy, Instant unlinkedAt) {
}
