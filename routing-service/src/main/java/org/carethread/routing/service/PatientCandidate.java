package org.carethread.routing.service;

/**
 * A patient of the directory as routing needs them: who (the patient id), where they belong and who looks after them.
 * Carries no PHI, so it can travel into routing rules and decisions.
 */
public record PatientCandidate(String id, String homeLocationCode, String primaryProvider, String careTeam,
        String preferredLanguage) {
}
