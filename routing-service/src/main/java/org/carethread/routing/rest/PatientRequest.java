package org.carethread.routing.rest;

import java.util.List;

import org.carethread.routing.service.PatientDraft;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patient as staff create or replace them. */
@Schema(name = "PatientRequest")
public record PatientRequest(
        @Schema(required = true, examples = "Maria") String givenName,
        @Schema(required = true, examples = "Lopez") String familyName,
        @Schema(required = true, description = "YYYY-MM-DD", examples = "1984-02-29") String birthDate,
        @Schema(description = "Medical record number, unique in the practice", examples = "MRN-100234") String mrn,
        @Schema(description = "Numbers the patient texts from; North American numbers may omit +1",
                examples = "[\"(555) 010-0001\"]") List<String> phones,
        @Schema(examples = "[\"maria@example.org\"]") List<String> emails,
        @Schema(required = true, description = "Location code, one of the caller's", examples = "north")
        String homeLocation,
        @Schema(description = "Staff username of the primary provider", examples = "provider") String primaryProvider,
        @Schema(examples = "north-team-a") String careTeam,
        @Schema(description = "ISO 639 language code", examples = "es") String preferredLanguage) {

    public PatientDraft toDraft() {
        return new PatientDraft(givenName, familyName, birthDate, mrn, phones, emails, homeLocation, primaryProvider,
                careTeam, preferredLanguage);
    }
}
