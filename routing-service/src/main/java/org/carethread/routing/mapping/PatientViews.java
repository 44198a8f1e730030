package org.carethread.routing.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.Patient;
import org.carethread.routing.repository.PatientAddress;
import org.carethread.routing.repository.PatientLink;
import org.carethread.routing.rest.IdentityReviewView;
import org.carethread.routing.rest.ImportSummaryView;
import org.carethread.routing.rest.LinkView;
import org.carethread.routing.rest.PatientView;
import org.carethread.routing.service.IdentityReviews.OpenReview;
import org.carethread.routing.service.ImportSummary;
import org.carethread.routing.service.PatientRecord;
import org.carethread.schemas.crypto.PhiCipher;

/** Opens what staff asked to read, and only that, into the API's views. */
@ApplicationScoped
public class PatientViews {
    private final PhiCipher cipher;

    public PatientViews(PhiCipher cipher) {
        this.cipher = cipher;
    }

    public PatientView patient(PatientRecord record) {
        Patient p = record.patient();
        return new PatientView(p.id.toString(), cipher.open(p.sealedGivenName), cipher.open(p.sealedFamilyName),
                cipher.open(p.sealedBirthDate), cipher.open(p.sealedMrn), addresses(record, PatientAddress.PHONE),
                addresses(record, PatientAddress.EMAIL), p.homeLocationCode, p.primaryProvider, p.careTeam,
                p.preferredLanguage, record.links().stream().map(PatientViews::link).toList(), p.version,
                p.createdAt, p.updatedAt);
    }

    public IdentityReviewView review(OpenReview open) {
        return new IdentityReviewView(open.review().id.toString(), open.review().patientRef,
                open.review().locationCode, open.review().openedAt,
                open.candidates().stream().map(this::candidate).toList());
    }

    private IdentityReviewView.Candidate candidate(Patient p) {
        return new IdentityReviewView.Candidate(p.id.toString(), cipher.open(p.sealedGivenName),
                cipher.open(p.sealedFamilyName), cipher.open(p.sealedBirthDate), p.homeLocationCode,
                p.primaryProvider);
    }

    public static LinkView link(PatientLink link) {
        return new LinkView(link.id.toString(), link.patientRef, link.locationCode, link.patientId.toString(),
                link.linkedBy, link.linkedAt, link.unlinkedBy, link.unlinkedAt);
    }

    /** @param csv rejections name CSV rows; otherwise FHIR bundle entries */
    public static ImportSummaryView summary(ImportSummary summary, boolean csv) {
        return new ImportSummaryView(summary.created(), summary.updated(), summary.rejected().stream()
                .map(r -> new ImportSummaryView.Rejection(csv ? r.position() : null, csv ? null : r.position(),
                        r.field(), r.problem()))
                .toList());
    }

    private List<String> addresses(PatientRecord record, String kind) {
        return record.addresses().stream().filter(a -> kind.equals(a.kind)).map(a -> cipher.open(a.sealedValue))
                .sorted().toList();
    }
}
