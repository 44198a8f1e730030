package org.carethread.schemas.events;

import java.time.Instant;

/**
 * Staff confirmed who is writing from an address (a family phone, a new contact): the conversation and the sender's
 * later messages belong to this directory patient. Topic {@code patient.links}, key {@code patientRef}.
 *
 * @param patientId the directory patient's id (opaque, not PHI)
 * @param linkedBy               the staff member's username
 * @param sealedPatientGivenName the patient's given name, sealed, for greeting them; null when the directory has none
 */
public record PatientLinked(String linkId, String patientRef, String patientId, String locationCode, String linkedBy,
        Instant linkedAt, String sealedPatientGivenName) {
}
