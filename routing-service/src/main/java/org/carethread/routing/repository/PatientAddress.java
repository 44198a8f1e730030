package org.carethread.routing.repository;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A phone number (E.164) or e-mail address (lower case) a patient writes from, sealed, with the blind index an
 * inbound message's {@code patientRef} is compared with.
 */
@Entity
@Table(name = "patient_address")
@IdClass(PatientAddress.Key.class)
public class PatientAddress {
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";

    @Id
    @Column(name = "patient_id")
    public UUID patientId;
    @Id
    @Column(name = "address_index")
    public String addressIndex;
    public String kind;
    @Column(name = "sealed_value")
    public String sealedValue;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public UUID patientId;
        public String addressIndex;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(patientId, key.patientId)
                    && Objects.equals(addressIndex, key.addressIndex);
        }

        @Override
        public int hashCode() {
            return Objects.hash(patientId, addressIndex);
        }
    }
}
