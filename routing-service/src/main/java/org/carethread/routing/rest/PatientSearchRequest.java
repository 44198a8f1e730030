package org.carethread.routing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Exactly one of the three; in the body, because each is PHI and must never be in a URL or an access log. */
@Schema(name = "PatientSearchRequest")
public record PatientSearchRequest(
        @Schema(examples = "+1 555 010 0001") String phone,
        @Schema(examples = "maria@example.org") String email,
        @Schema(examples = "MRN-100234") String mrn) {
}
