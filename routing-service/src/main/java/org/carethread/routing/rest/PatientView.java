package org.carethread.routing.rest;

import java.time.Instant;
import java.util.List;

/** A patient with their details in clear (an audited read). Phones are E.164, e-mails lower case. */
public record PatientView(String id, String givenName, String familyName, String birthDate, String mrn,
        List<String> phones, List<String> emails, String homeLocation, String primaryProvider, String careTeam,
        String preferredLanguage, List<LinkView> links, long version, Instant createdAt, Instant updatedAt) {
}
