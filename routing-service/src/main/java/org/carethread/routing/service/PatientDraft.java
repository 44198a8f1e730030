package org.carethread.routing.service;

import java.util.List;

/** A patient as a person or a file wrote it, before any check: every value as given. */
public record PatientDraft(String givenName, String familyName, String birthDate, String mrn, List<String> phones,
        List<String> emails, String homeLocation, String primaryProvider, String careTeam, String preferredLanguage) {
}
