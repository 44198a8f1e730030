package org.carethread.notification.repository;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Consent is held per patient and per practice number: carriers apply an opt-out to the number it was sent to. */
@Embeddable
public class ConsentKey implements Serializable {
    @Column(name = "patient_ref")
    public String patientRef;
    @Column(name = "practice_number")
    public String practiceNumber;

    public ConsentKey() {
    }

    public ConsentKey(String patientRef, String practiceNumber) {
        this.patientRef = patientRef;
        this.practiceNumber = practiceNumber;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsentKey key && Objects.equals(patientRef, key.patientRef)
                && Objects.equals(practiceNumber, key.practiceNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(patientRef, practiceNumber);
    }
}
