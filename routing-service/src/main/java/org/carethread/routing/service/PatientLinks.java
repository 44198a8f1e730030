package org.carethread.routing.service;

import org.carethread.schemas.staff.StaffMember;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Outbox;
import org.carethread.routing.repository.LocationRepository;
import org.carethread.routing.repository.Patient;
import org.carethread.routing.repository.PatientLink;
import org.carethread.routing.repository.PatientLinkRepository;
import org.carethread.routing.repository.PatientRepository;
import org.carethread.routing.service.DirectoryExceptions.LinkEnded;
import org.carethread.routing.service.DirectoryExceptions.LinkNotFound;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.PatientLinked;
import org.carethread.schemas.events.PatientUnlinked;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Which directory patient a sender's address stands for at a location. Staff link (after an identity review, or for
 * a new contact) and unlink; every change is a {@code PatientLinked} / {@code PatientUnlinked} event on
 * {@code patient.links}, keyed by the address's blind index, written to the outbox in the transaction of the change.
 */
@ApplicationScoped
public class PatientLinks {
    /** A blind index as {@code BlindIndex} writes it: URL-safe base64. */
    private static final Pattern PATIENT_REF = Pattern.compile("[A-Za-z0-9_-]{16,100}");

    private final Mutiny.SessionFactory sessions;
    private final PatientLinkRepository links;
    private final PatientRepository patients;
    private final LocationRepository locations;
    private final Outbox outbox;

    public PatientLinks(Mutiny.SessionFactory sessions, PatientLinkRepository links, PatientRepository patients,
            LocationRepository locations, Outbox outbox) {
        this.sessions = sessions;
        this.links = links;
        this.patients = patients;
        this.locations = locations;
        this.outbox = outbox;
    }

    /** The patient staff linked the sender to at the location, or null if none is linked. Runs in the caller's session. */
    public Uni<PatientCandidate> activeFor(Mutiny.Session session, String patientRef, String locationCode) {
        return links.active(session, patientRef, locationCode, false)
                .chain(link -> link == null ? Uni.createFrom().nullItem()
                        : session.find(Patient.class, link.patientId).map(PatientDirectory::candidate));
    }

    /** A link and whether this request made it (false: the sender was already linked to that patient). */
    public record Linking(PatientLink link, boolean created) {
    }

    public static boolean isPatientRef(String value) {
        return value != null && PATIENT_REF.matcher(value).matches();
    }

    /**
     * Links the sender to a patient of the staff member's locations at one of their locations, replacing any other
     * active link of the sender there.
     */
    public Uni<Linking> link(StaffMember staff, String patientRef, String locationCode, UUID patientId) {
        if (!staff.worksAt(locationCode)) {
            return Uni.createFrom().failure(new InvalidFieldsException("locationCode",
                    "must be one of your locations (" + String.join(", ", staff.locations().stream().sorted().toList())
                            + ")."));
        }
        return sessions.withTransaction(session -> locations.find(session, locationCode)
                .onItem().ifNull().failWith(() -> new InvalidFieldsException("locationCode",
                        "is not a location of the practice; GET /locations lists them."))
                .chain(() -> patients.findInLocations(session, patientId, staff.locations(), false))
                .onItem().ifNull().failWith(() -> new InvalidFieldsException("patientId",
                        "names no patient at your locations. Search the directory for the patient's id."))
                .chain(patient -> link(session, patientRef, locationCode, patient.id, staff.name())));
    }

    /** Links in the caller's transaction; an identity review's confirmation uses it. */
    Uni<Linking> link(Mutiny.Session session, String patientRef, String locationCode, UUID patientId, String by) {
        Instant now = PatientDirectory.now();
        return links.active(session, patientRef, locationCode, true).chain(current -> {
            if (current != null && current.patientId.equals(patientId)) {
                return Uni.createFrom().item(new Linking(current, false));
            }
            PatientLink link = new PatientLink();
            link.id = UUID.randomUUID();
            link.patientRef = patientRef;
            link.locationCode = locationCode;
            link.patientId = patientId;
            link.linkedBy = by;
            link.linkedAt = now;
            // The old link ends first (and is flushed): at most one link per sender and location is active.
            Uni<Void> replaced = current == null ? Uni.createFrom().voidItem()
                    : end(session, current, by, now).call(session::flush);
            return replaced
                    .chain(() -> session.persist(link))
                    .chain(() -> session.find(Patient.class, patientId))
                    .chain(patient -> outbox.add(session, Topics.PATIENT_LINKS, EventTypes.PATIENT_LINKED, patientRef,
                            link.id.toString(), new PatientLinked(link.id.toString(), patientRef,
                                    patientId.toString(), locationCode, by, now, patient.sealedGivenName)))
                    .replaceWith(new Linking(link, true));
        });
    }

    /** Ends an active link at one of the staff member's locations. */
    public Uni<PatientLink> unlink(StaffMember staff, UUID linkId) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().failure(new LinkNotFound());
        }
        return sessions.withTransaction(session -> links.findInLocationsForUpdate(session, linkId, staff.locations())
                .onItem().ifNull().failWith(LinkNotFound::new)
                .call(link -> {
                    if (!link.isActive()) {
                        return Uni.createFrom().failure(new LinkEnded());
                    }
                    return end(session, link, staff.name(), PatientDirectory.now());
                }));
    }

    /** A link at one of the staff member's locations, active or ended. */
    public Uni<PatientLink> find(StaffMember staff, UUID linkId) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().failure(new LinkNotFound());
        }
        return sessions.withSession(session -> links.findInLocations(session, linkId, staff.locations()))
                .onItem().ifNull().failWith(LinkNotFound::new);
    }

    private Uni<Void> end(Mutiny.Session session, PatientLink link, String by, Instant at) {
        link.unlinkedBy = by;
        link.unlinkedAt = at;
        return outbox.add(session, Topics.PATIENT_LINKS, EventTypes.PATIENT_UNLINKED, link.patientRef,
                link.id.toString(), new PatientUnlinked(link.id.toString(), link.patientRef,
                        link.patientId.toString(), link.locationCode, by, at));
    }
}
