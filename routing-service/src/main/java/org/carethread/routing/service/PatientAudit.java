package org.carethread.routing.service;

import org.carethread.schemas.staff.StaffMember;
import org.carethread.schemas.staff.StaffRoles;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Outbox;
import org.carethread.routing.repository.Patient;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.PhiAccessed;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Records staff reads of directory PHI on {@code audit.access}, in the caller's transaction: if the record cannot be
 * written, nothing is read. For directory reads {@code patientRef} is the directory patient's id (there is no
 * conversation); the event is keyed by it, so one patient's accesses stay in order.
 */
@ApplicationScoped
public class PatientAudit {
    public static final String PATIENT_READ = "patient.read";
    public static final String PATIENT_SEARCH = "patient.search";
    public static final String PATIENT_IMPORT = "patient.import";
    public static final String IDENTITY_REVIEW_READ = "identity-review.read";

    private final Outbox outbox;

    public PatientAudit(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A read of one patient's PHI. */
    public Uni<Void> accessed(Mutiny.Session session, StaffMember staff, String action, Patient patient,
            String locationCode, String clientAddress) {
        String patientId = patient.id.toString();
        return outbox.add(session, Topics.AUDIT_ACCESS, EventTypes.PHI_ACCESSED, patientId, null,
                new PhiAccessed(staff.id(), StaffRoles.of(staff), action, null, patientId, locationCode,
                        clientAddress, null, Instant.now(), staff.username()));
    }

    /** An access that concerns no single patient: a search that found nobody, an import. */
    public Uni<Void> accessedNobodyInParticular(Mutiny.Session session, StaffMember staff, String action,
            String clientAddress) {
        return outbox.add(session, Topics.AUDIT_ACCESS, EventTypes.PHI_ACCESSED, null, null,
                new PhiAccessed(staff.id(), StaffRoles.of(staff), action, null, null, null, clientAddress, null,
                        Instant.now(), staff.username()));
    }
}
