package org.carethread.routing.service;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's details, checked and normalised: names trimmed, MRN upper-case (or null), phones in E.164, e-mails in
 * lower case, each once; language a lower-case ISO 639 code.
 */
public record PatientData(String givenName, String familyName, LocalDate birthDate, String mrn, List<String> phones,
        List<String> emails, String homeLocation, String primaryProvider, String careTeam, String preferredLanguage) {
}
