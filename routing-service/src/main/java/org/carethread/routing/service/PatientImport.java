package org.carethread.routing.service;

import org.carethread.schemas.staff.StaffMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.Location;
import org.carethread.routing.repository.LocationRepository;
import org.carethread.routing.repository.Patient;
import org.carethread.routing.repository.PatientAddress;
import org.carethread.routing.repository.PatientRepository;
import org.carethread.routing.service.ImportSummary.Rejection;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Loads patients from a practice's file (CSV or a FHIR bundle, read by the REST layer into {@link ImportRow}s).
 * Patients are matched by MRN: a known MRN updates that patient (details and addresses become the file's), a new
 * one creates a patient. Rows with any problem are left out and reported; the others are applied together in one
 * transaction, with one audit record of the import.
 */
@ApplicationScoped
public class PatientImport {
    /** Larger files are split by the practice: one transaction holds every row. */
    public static final int MAX_ROWS = 5000;

    private final Mutiny.SessionFactory sessions;
    private final PatientRepository patients;
    private final LocationRepository locations;
    private final PatientWriter writer;
    private final PatientAudit audit;

    public PatientImport(Mutiny.SessionFactory sessions, PatientRepository patients, LocationRepository locations,
            PatientWriter writer, PatientAudit audit) {
        this.sessions = sessions;
        this.patients = patients;
        this.locations = locations;
        this.writer = writer;
        this.audit = audit;
    }

    private record Good(int position, PatientData data, String mrnIndex) {
    }

    public Uni<ImportSummary> run(StaffMember staff, List<ImportRow> rows, PatientFields fields,
            String clientAddress) {
        return sessions.withTransaction(session -> locations.listAll(session).chain(practice -> {
            List<Rejection> rejected = new ArrayList<>();
            List<Good> good = check(staff, rows, fields, practice, rejected);
            return patients.withMrnsForUpdate(session, good.stream().map(Good::mrnIndex).toList())
                    .chain(existing -> apply(session, staff, good, existing, fields, rejected))
                    .call(() -> audit.accessedNobodyInParticular(session, staff, PatientAudit.PATIENT_IMPORT,
                            clientAddress));
        }));
    }

    /** Every row's details checked without the database; the rows fit to apply, in file order. */
    private List<Good> check(StaffMember staff, List<ImportRow> rows, PatientFields fields, List<Location> practice,
            List<Rejection> rejected) {
        Map<String, String> codeByName = new HashMap<>();
        for (Location location : practice) {
            codeByName.put(location.code.toLowerCase(Locale.ROOT), location.code);
            codeByName.put(location.name.toLowerCase(Locale.ROOT), location.code);
        }
        Map<String, Integer> firstRowOfMrn = new HashMap<>();
        List<Good> good = new ArrayList<>();
        for (ImportRow row : rows) {
            if (!row.problems().isEmpty()) {
                row.problems().forEach(p -> rejected.add(new Rejection(row.position(), p.field(), p.problem())));
                continue;
            }
            PatientDraft draft = row.draft();
            String home = draft.homeLocation() == null ? null
                    : codeByName.getOrDefault(draft.homeLocation().trim().toLowerCase(Locale.ROOT),
                            draft.homeLocation());
            PatientData data;
            try {
                data = PatientValidation.check(withHome(draft, home), fields, true);
            } catch (InvalidFieldsException invalid) {
                invalid.errors().forEach(e -> rejected.add(new Rejection(row.position(), e.field(), e.problem())));
                continue;
            }
            if (!codeByName.containsValue(data.homeLocation())) {
                rejected.add(new Rejection(row.position(), fields.homeLocation(),
                        "is not a location of the practice; GET /locations lists them."));
            } else if (!staff.worksAt(data.homeLocation())) {
                rejected.add(new Rejection(row.position(), fields.homeLocation(), "is not one of your locations ("
                        + String.join(", ", staff.locations().stream().sorted().toList()) + ")."));
            } else if (firstRowOfMrn.containsKey(data.mrn())) {
                rejected.add(new Rejection(row.position(), fields.mrn(), "repeats the MRN of "
                        + (fields == PatientFields.CSV ? "row " : "entry ") + firstRowOfMrn.get(data.mrn())
                        + "; give each patient once per file."));
            } else {
                firstRowOfMrn.put(data.mrn(), row.position());
                good.add(new Good(row.position(), data, writer.mrnIndex(data.mrn())));
            }
        }
        return good;
    }

    private Uni<ImportSummary> apply(Mutiny.Session session, StaffMember staff, List<Good> good,
            List<Patient> existing, PatientFields fields, List<Rejection> rejected) {
        Map<String, Patient> byMrn = existing.stream().collect(Collectors.toMap(p -> p.mrnIndex, p -> p));
        List<UUID> updatedIds = existing.stream().filter(p -> staff.worksAt(p.homeLocationCode)).map(p -> p.id)
                .toList();
        return patients.addressesOf(session, updatedIds).chain(addresses -> {
            Map<UUID, List<PatientAddress>> addressesOf = addresses.stream()
                    .collect(Collectors.groupingBy(a -> a.patientId));
            int[] counts = new int[2];
            Uni<Void> work = Uni.createFrom().voidItem();
            var now = PatientDirectory.now();
            for (Good row : good) {
                Patient patient = byMrn.get(row.mrnIndex());
                if (patient == null) {
                    Patient created = writer.newPatient(row.data(), now);
                    counts[0]++;
                    work = work.chain(() -> session.persist(created))
                            .chain(() -> writer.replaceAddresses(session, created, List.of(), row.data()))
                            .replaceWithVoid();
                } else if (!staff.worksAt(patient.homeLocationCode)) {
                    // Telling the admin the MRN exists elsewhere is the least a correction needs.
                    rejected.add(new Rejection(row.position(), fields.mrn(), "belongs to a patient of a location you"
                            + " do not manage; ask an administrator there."));
                } else {
                    writer.apply(patient, row.data(), now);
                    counts[1]++;
                    work = work.chain(() -> writer.replaceAddresses(session, patient,
                            addressesOf.getOrDefault(patient.id, List.of()), row.data())).replaceWithVoid();
                }
            }
            return work.map(done -> {
                rejected.sort(Comparator.comparingInt(Rejection::position));
                return new ImportSummary(counts[0], counts[1], List.copyOf(rejected));
            });
        });
    }

    private static PatientDraft withHome(PatientDraft draft, String home) {
        return new PatientDraft(draft.givenName(), draft.familyName(), draft.birthDate(), draft.mrn(), draft.phones(),
                draft.emails(), home, draft.primaryProvider(), draft.careTeam(), draft.preferredLanguage());
    }
}
