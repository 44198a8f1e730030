package org.carethread.routing.service;

/** What each source calls a patient's fields, so a problem names the field the way its writer knows it. */
public record PatientFields(String givenName, String familyName, String birthDate, String mrn, String phones,
        String emails, String homeLocation, String primaryProvider, String careTeam, String preferredLanguage) {

    /** The JSON of the staff API. */
    public static final PatientFields API = new PatientFields("givenName", "familyName", "birthDate", "mrn", "phones",
            "emails", "homeLocation", "primaryProvider", "careTeam", "preferredLanguage");

    /** The columns of a CSV import. */
    public static final PatientFields CSV = new PatientFields("given_name", "family_name", "birth_date", "mrn",
            "phones", "emails", "home_location", "primary_provider", "care_team", "preferred_language");

    /** The elements of a FHIR R4 Patient. */
    public static final PatientFields FHIR = new PatientFields("name.given", "name.family", "birthDate",
            "identifier", "telecom", "telecom", "managingOrganization", "generalPractitioner", "extension",
            "communication");
}
