package org.carethread.schemas.events;

import java.time.Instant;

/**
 * Staff undid a link: the address no longer stands for this patient, and its next message goes to identity review
 * again if several patients share it. Topic {@code patient.links}, key {@code patientRef}.
 */
public record PatientUnlinked(String linkId, String patientRef, String patientId, String locationCode,
        String unlinkedBy, Instant unlinkedAt) {
}
