package org.carethread.routing.service;

import java.util.List;

import org.carethread.routing.repository.Patient;
import org.carethread.routing.repository.PatientAddress;
import org.carethread.routing.repository.PatientLink;

/** A patient as staff see them: the record, the addresses they write from, and their active links. */
public record PatientRecord(Patient patient, List<PatientAddress> addresses, List<PatientLink> links) {
}
