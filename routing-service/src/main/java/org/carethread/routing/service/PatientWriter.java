package org.carethread.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.Patient;
import org.carethread.routing.repository.PatientAddress;
import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Writes checked patient details into the directory: every PHI value sealed, every look-up value blind-indexed. */
@ApplicationScoped
public class PatientWriter {
    static final String MRN_INDEX_PURPOSE = "mrn";

    private final PhiCipher cipher;
    private final BlindIndex blindIndex;

    public PatientWriter(PhiCipher cipher, BlindIndex blindIndex) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    /** The blind index of a normalised MRN. */
    public String mrnIndex(String mrn) {
        return blindIndex.of(MRN_INDEX_PURPOSE, mrn);
    }

    /** The blind index of a normalised phone (E.164) or e-mail: the one ingestion gives the same sender. */
    public String addressIndex(String address) {
        return blindIndex.ofAddress(address);
    }

    public Patient newPatient(PatientData data, Instant now) {
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.createdAt = now;
        apply(patient, data, now);
        return patient;
    }

    /** Replaces the patient's details (not their addresses) with these. */
    public void apply(Patient patient, PatientData data, Instant now) {
        patient.sealedGivenName = cipher.seal(data.givenName());
        patient.sealedFamilyName = cipher.seal(data.familyName());
        patient.sealedBirthDate = cipher.seal(data.birthDate().toString());
        patient.sealedMrn = cipher.seal(data.mrn());
        patient.mrnIndex = data.mrn() == null ? null : mrnIndex(data.mrn());
        patient.homeLocationCode = data.homeLocation();
        patient.primaryProvider = data.primaryProvider();
        patient.careTeam = data.careTeam();
        patient.preferredLanguage = data.preferredLanguage();
        // Always a change, so even an edit of addresses alone moves the version on.
        patient.updatedAt = now;
    }

    /**
     * Makes the patient's addresses exactly these: removes those no longer given, adds the new ones, keeps the rest.
     *
     * @return the addresses the patient now has
     */
    public Uni<List<PatientAddress>> replaceAddresses(Mutiny.Session session, Patient patient,
            List<PatientAddress> current, PatientData data) {
        Map<String, PatientAddress> wanted = new LinkedHashMap<>();
        for (String phone : data.phones()) {
            wanted.putIfAbsent(addressIndex(phone), address(patient, PatientAddress.PHONE, phone));
        }
        for (String email : data.emails()) {
            wanted.putIfAbsent(addressIndex(email), address(patient, PatientAddress.EMAIL, email));
        }
        List<PatientAddress> result = new ArrayList<>();
        Uni<Void> work = Uni.createFrom().voidItem();
        for (PatientAddress existing : current) {
            if (wanted.remove(existing.addressIndex) != null) {
                result.add(existing);
            } else {
                work = work.chain(() -> session.remove(existing));
            }
        }
        for (PatientAddress added : wanted.values()) {
            result.add(added);
            work = work.chain(() -> session.persist(added));
        }
        return work.replaceWith(result);
    }

    private PatientAddress address(Patient patient, String kind, String value) {
        PatientAddress address = new PatientAddress();
        address.patientId = patient.id;
        address.addressIndex = addressIndex(value);
        address.kind = kind;
        address.sealedValue = cipher.seal(value);
        return address;
    }
}
