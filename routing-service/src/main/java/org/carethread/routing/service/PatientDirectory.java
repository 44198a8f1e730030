package org.carethread.routing.service;

import org.carethread.schemas.staff.StaffMember;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.LocationRepository;
import org.carethread.routing.repository.Patient;
import org.carethread.routing.repository.PatientAddress;
import org.carethread.routing.repository.PatientLink;
import org.carethread.routing.repository.PatientLinkRepository;
import org.carethread.routing.repository.PatientRepository;
import org.carethread.routing.service.DirectoryExceptions.DuplicateMrn;
import org.carethread.routing.service.DirectoryExceptions.PatientChanged;
import org.carethread.routing.service.DirectoryExceptions.PatientNotFound;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * The practice's patient directory. Routing asks it who writes from an address; staff create, read, edit and search
 * patients of their own locations (a patient whose home is elsewhere is answered exactly like one that does not
 * exist), and every read of a patient's details is an audited PHI access in the same transaction.
 */
@ApplicationScoped
public class PatientDirectory {
    private final Mutiny.SessionFactory sessions;
    private final PatientRepository patients;
    private final PatientLinkRepository links;
    private final LocationRepository locations;
    private final PatientWriter writer;
    private final PatientAudit audit;

    public PatientDirectory(Mutiny.SessionFactory sessions, PatientRepository patients, PatientLinkRepository links,
            LocationRepository locations, PatientWriter writer, PatientAudit audit) {
        this.sessions = sessions;
        this.patients = patients;
        this.links = links;
        this.locations = locations;
        this.writer = writer;
        this.audit = audit;
    }

    /**
     * Every patient who writes from the address (its blind index, a message's {@code patientRef}), oldest directory
     * record first: none for a new contact, several for a family phone. Runs in the caller's session.
     */
    public Uni<List<PatientCandidate>> candidatesFor(Mutiny.Session session, String addressIndex) {
        return patients.withAddress(session, addressIndex)
                .map(found -> found.stream().map(PatientDirectory::candidate).toList());
    }

    public static PatientCandidate candidate(Patient patient) {
        return new PatientCandidate(patient.id.toString(), patient.homeLocationCode, patient.primaryProvider,
                patient.careTeam, patient.preferredLanguage);
    }

    /** Files a new patient at one of the staff member's locations. */
    public Uni<PatientRecord> create(StaffMember staff, PatientData data) {
        Instant now = now();
        return sessions.withTransaction(session -> homeAllowed(session, staff, data.homeLocation())
                .chain(() -> mrnFree(session, data.mrn(), null))
                .chain(() -> {
                    Patient patient = writer.newPatient(data, now);
                    return session.persist(patient)
                            .chain(() -> writer.replaceAddresses(session, patient, List.of(), data))
                            .map(addresses -> new PatientRecord(patient, addresses, List.of()));
                }));
    }

    /** A patient's details, recorded as a PHI access ({@code patient.read}). */
    public Uni<PatientRecord> read(StaffMember staff, UUID id, String clientAddress) {
        return sessions.withTransaction(session -> visible(session, staff, id, false)
                .chain(patient -> record(session, patient))
                .call(record -> audit.accessed(session, staff, PatientAudit.PATIENT_READ, record.patient(),
                        record.patient().homeLocationCode, clientAddress)));
    }

    /**
     * Replaces a patient's details if nobody changed them since {@code expectedVersion}; the patient stays within the
     * staff member's locations.
     */
    public Uni<PatientRecord> update(StaffMember staff, UUID id, long expectedVersion, PatientData data) {
        Instant now = now();
        return sessions.withTransaction(session -> visible(session, staff, id, true)
                .invoke(patient -> {
                    if (patient.version != expectedVersion) {
                        throw new PatientChanged(patient.version);
                    }
                })
                .call(patient -> homeAllowed(session, staff, data.homeLocation()))
                .call(patient -> mrnFree(session, data.mrn(), patient.id))
                .chain(patient -> patients.addressesOf(session, List.of(patient.id))
                        .chain(current -> {
                            writer.apply(patient, data, now);
                            return writer.replaceAddresses(session, patient, current, data);
                        })
                        .call(session::flush)
                        .chain(addresses -> links.activeOf(session, List.of(patient.id))
                                .map(active -> new PatientRecord(patient, addresses, active)))));
    }

    /** What to look a patient up by: exactly one of a phone number, an e-mail address or an MRN. */
    public record Lookup(String field, String index, boolean byMrn) {
        public static Lookup of(String phone, String email, String mrn, PatientWriter writer) {
            int given = (blank(phone) ? 0 : 1) + (blank(email) ? 0 : 1) + (blank(mrn) ? 0 : 1);
            if (given != 1) {
                throw new InvalidFieldsException("phone|email|mrn", "Give exactly one of phone, email or mrn to search by.");
            }
            if (!blank(phone)) {
                try {
                    return new Lookup("phone", writer.addressIndex(ContactAddresses.phone(phone)), false);
                } catch (ContactAddresses.NotAPhoneNumber e) {
                    throw new InvalidFieldsException("phone", "The phone number " + e.getMessage()
                            + ". Write it with its area code, e.g. (555) 010-0001.");
                }
            }
            if (!blank(email)) {
                String normalised = ContactAddresses.email(email);
                if (normalised == null) {
                    throw new InvalidFieldsException("email", "is not an e-mail address (name@example.org).");
                }
                return new Lookup("email", writer.addressIndex(normalised), false);
            }
            String normalised = PatientValidation.normaliseMrn(mrn);
            if (!PatientValidation.isMrn(normalised)) {
                throw new InvalidFieldsException("mrn", "must be 1 to 50 letters, digits, dots, slashes or dashes.");
            }
            return new Lookup("mrn", writer.mrnIndex(normalised), true);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /**
     * The patients at the staff member's locations who match, oldest record first. Each patient found is a PHI
     * access ({@code patient.search}); a search that finds nobody is recorded once, without a patient.
     */
    public Uni<List<PatientRecord>> search(StaffMember staff, Lookup lookup, String clientAddress) {
        if (staff.locations().isEmpty()) {
            return sessions.withTransaction(session -> audit.accessedNobodyInParticular(session, staff,
                    PatientAudit.PATIENT_SEARCH, clientAddress).replaceWith(List.<PatientRecord>of()));
        }
        return sessions.withTransaction(session -> (lookup.byMrn()
                ? patients.withMrn(session, lookup.index())
                        .map(p -> p != null && staff.worksAt(p.homeLocationCode) ? List.of(p) : List.<Patient>of())
                : patients.withAddressInLocations(session, lookup.index(), staff.locations()))
                .chain(found -> records(session, found))
                .call(records -> {
                    if (records.isEmpty()) {
                        return audit.accessedNobodyInParticular(session, staff, PatientAudit.PATIENT_SEARCH,
                                clientAddress);
                    }
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (PatientRecord record : records) {
                        all = all.call(() -> audit.accessed(session, staff, PatientAudit.PATIENT_SEARCH,
                                record.patient(), record.patient().homeLocationCode, clientAddress));
                    }
                    return all;
                }));
    }

    /** The patient if the staff member may see them, optionally locked; otherwise not found. */
    Uni<Patient> visible(Mutiny.Session session, StaffMember staff, UUID id, boolean forUpdate) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().failure(new PatientNotFound());
        }
        return patients.findInLocations(session, id, staff.locations(), forUpdate)
                .onItem().ifNull().failWith(PatientNotFound::new);
    }

    /** A home location must be the staff member's own and one the practice has. */
    Uni<Void> homeAllowed(Mutiny.Session session, StaffMember staff, String locationCode) {
        if (!staff.worksAt(locationCode)) {
            return Uni.createFrom().failure(new InvalidFieldsException("homeLocation", "must be one of your locations ("
                    + String.join(", ", staff.locations().stream().sorted().toList()) + ")."));
        }
        return locations.find(session, locationCode)
                .onItem().ifNull().failWith(() -> new InvalidFieldsException("homeLocation",
                        "is not a location of the practice; GET /locations lists them."))
                .replaceWithVoid();
    }

    private Uni<Void> mrnFree(Mutiny.Session session, String mrn, UUID self) {
        if (mrn == null) {
            return Uni.createFrom().voidItem();
        }
        return patients.withMrn(session, writer.mrnIndex(mrn))
                .invoke(holder -> {
                    if (holder != null && !holder.id.equals(self)) {
                        throw new DuplicateMrn();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<PatientRecord> record(Mutiny.Session session, Patient patient) {
        return records(session, List.of(patient)).map(list -> list.get(0));
    }

    /** The patients with their addresses and active links, in the order given. */
    Uni<List<PatientRecord>> records(Mutiny.Session session, List<Patient> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = found.stream().map(p -> p.id).toList();
        return patients.addressesOf(session, ids)
                .chain(addresses -> links.activeOf(session, ids).map(active -> {
                    Map<UUID, List<PatientAddress>> byPatient = addresses.stream()
                            .collect(Collectors.groupingBy(a -> a.patientId));
                    Map<UUID, List<PatientLink>> linksByPatient = active.stream()
                            .collect(Collectors.groupingBy(l -> l.patientId));
                    List<PatientRecord> records = new ArrayList<>();
                    for (Patient patient : found) {
                        records.add(new PatientRecord(patient, byPatient.getOrDefault(patient.id, List.of()),
                                linksByPatient.getOrDefault(patient.id, List.of())));
                    }
                    return records;
                }));
    }

    /** PostgreSQL keeps microseconds: what is answered is exactly what is stored. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
