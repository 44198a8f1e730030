package org.carethread.routing.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A patient of the practice's directory. Names, birth date and MRN are stored only sealed; the MRN is found by its
 * blind index. Home location, primary provider, care team and language are practice data used for routing.
 */
@Entity
@Table(name = "patient")
public class Patient {
    @Id
    public UUID id;
    @Column(name = "sealed_given_name")
    public String sealedGivenName;
    @Column(name = "sealed_family_name")
    public String sealedFamilyName;
    /** ISO {@code yyyy-mm-dd}, sealed. */
    @Column(name = "sealed_birth_date")
    public String sealedBirthDate;
    @Column(name = "sealed_mrn")
    public String sealedMrn;
    @Column(name = "mrn_index")
    public String mrnIndex;
    @Column(name = "home_location_code")
    public String homeLocationCode;
    /** Staff username. */
    @Column(name = "primary_provider")
    public String primaryProvider;
    @Column(name = "care_team")
    public String careTeam;
    @Column(name = "preferred_language")
    public String preferredLanguage;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public Long version;
}
