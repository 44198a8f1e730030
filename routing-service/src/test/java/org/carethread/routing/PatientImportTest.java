package org.carethread.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.routing.DirectoryStaff.PATIENCE;
import static org.carethread.routing.DirectoryStaff.access;
import static org.carethread.routing.DirectoryStaff.e164;
import static org.carethread.routing.DirectoryStaff.mrnIndex;
import static org.carethread.routing.DirectoryStaff.newMrn;
import static org.carethread.routing.DirectoryStaff.newSubscriber;
import static org.carethread.routing.DirectoryStaff.rows;
import static org.carethread.routing.DirectoryStaff.staffId;
import static org.carethread.routing.DirectoryStaff.token;
import static org.carethread.routing.DirectoryStaff.written;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.PhiAccessed;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A practice administrator loads the directory from a CSV file or an EHR's FHIR export. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class PatientImportTest {
    private static final String HEADER = "mrn,given_name,family_name,birth_date,phones,emails,home_location,"
            + "primary_provider,care_team,preferred_language\n";

    private static String newAdmin() {
        return "ada.import." + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    @Test
    void goodRowsAreAppliedAndBadRowsAreListedByLineWithoutTheirValues() {
        String admin = newAdmin();
        String family = newSubscriber();
        String single = newSubscriber();
        String mrnA = newMrn();
        String mrnB = newMrn();
        String mrnBad = newMrn();
        String csv = HEADER
                + mrnA + ",Grace,Adeyemi,1979-11-02,\"" + written(family) + "\",grace@example.org,north,provider,"
                + "north-team-a,en\r\n"
                + mrnB + ",Tobi,Adeyemi,2012-06-15," + e164(family) + ",,North Clinic,provider,north-team-a,en\n"
                + "\n"
                + mrnBad + ",Kemi,\"Adeyemi, Jr\",15/06/2012,555-01,,north,,,en\n"
                + mrnA.toLowerCase() + ",Grace,Duplicate,1979-11-02," + written(single) + ",,north,,,en\n";

        String answer = given().auth().oauth2(token(admin, "practice-admin", "north", "south"))
                .contentType("text/csv").body(csv)
                .when().post("/api/routing/patients/import")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("created", equalTo(2))
                .body("updated", equalTo(0))
                .body("rejected", hasSize(3))
                .body("rejected.row", contains(5, 5, 6))
                .body("rejected.entry", contains(nullValue(), nullValue(), nullValue()))
                .body("rejected.field", contains("birth_date", "phones", "mrn"))
                .body("rejected[2].problem", containsString("repeats the MRN of row 2"))
                .extract().asString();
        assertFalse(answer.contains("Kemi") || answer.contains("15/06/2012") || answer.contains("555-01"),
                "the summary holds no PHI");
        assertTrue(rows("select id from patient where mrn_index = ?", mrnIndex(mrnBad)).isEmpty(), "bad row left out");
        assertEquals(1, rows("select id from patient where mrn_index = ?", mrnIndex(mrnA)).size());

        given().auth().oauth2(token("nora.north", "front-desk", "north")).contentType(ContentType.JSON)
                .body(Map.of("phone", written(family)))
                .when().post("/api/routing/patients/search")
                .then().statusCode(200)
                .body("mrn", containsInAnyOrder(mrnA, mrnB))
                .body("familyName", contains("Adeyemi", "Adeyemi"))
                .body("homeLocation", contains("north", "north"));
        given().auth().oauth2(token("nora.north", "front-desk", "north")).contentType(ContentType.JSON)
                .body(Map.of("mrn", mrnA))
                .when().post("/api/routing/patients/search")
                .then().statusCode(200)
                .body("givenName", contains("Grace"))
                .body("emails[0]", contains("grace@example.org"))
                .body("phones[0]", contains(e164(family)));

        // The same file again, with one patient changed: matched by MRN, updated, nothing created.
        String again = HEADER + mrnB + ",Tobias,Adeyemi,2012-06-15," + written(single) + ",,north,provider,"
                + "north-team-b,es\n";
        given().auth().oauth2(token(admin, "practice-admin", "north", "south")).contentType("text/csv").body(again)
                .when().post("/api/routing/patients/import")
                .then().statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(1))
                .body("rejected", empty());
        given().auth().oauth2(token("nora.north", "front-desk", "north")).contentType(ContentType.JSON)
                .body(Map.of("mrn", mrnB))
                .when().post("/api/routing/patients/search")
                .then().statusCode(200)
                .body("givenName", contains("Tobias"))
                .body("phones[0]", contains(e164(single)))
                .body("careTeam", contains("north-team-b"))
                .body("preferredLanguage", contains("es"))
                .body("version", contains(1));

        List<PhiAccessed> imports = await().atMost(PATIENCE).until(() -> importsBy(admin), list -> list.size() >= 2);
        assertEquals(2, imports.size(), "each import is one audit record");
        assertEquals(List.of("practice-admin"), imports.get(0).staffRoles());
        assertEquals(null, imports.get(0).patientRef());
    }

    @Test
    void aRowOutsideTheAdministratorsLocationsIsRejected() {
        String mrn = newMrn();
        given().auth().oauth2(token(newAdmin(), "practice-admin", "north")).contentType("text/csv")
                .body(HEADER + mrn + ",Per,Holm,1950-01-01,,,south,,,\n")
                .when().post("/api/routing/patients/import")
                .then().statusCode(200)
                .body("created", equalTo(0))
                .body("rejected.field", contains("home_location"))
                .body("rejected[0].problem", containsString("not one of your locations"));
        assertTrue(rows("select id from patient where mrn_index = ?", mrnIndex(mrn)).isEmpty());
    }

    @Test
    void aFhirBundleOfPatientsIsImportedAndOtherResourcesAreListed() {
        String admin = newAdmin();
        String phone = newSubscriber();
        String mrnA = newMrn();
        String mrnB = newMrn();
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient",
                    "identifier": [{"system": "urn:oid:1.2.3", "value": "X-9"},
                                   {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                     "code": "MR"}]}, "system": "urn:carethread:ehr", "value": "%s"}],
                    "name": [{"use": "nickname", "given": ["Lupe"]},
                             {"use": "official", "family": "Ortega", "given": ["Guadalupe", "Maria"]}],
                    "birthDate": "1961-03-08",
                    "telecom": [{"system": "phone", "value": "%s", "use": "mobile"},
                                {"system": "email", "value": "Lupe.Ortega@Example.org"},
                                {"system": "phone", "value": "+1 555 000 0000", "use": "old"}],
                    "communication": [{"language": {"coding": [{"code": "en"}]}},
                                      {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es-MX"}]},
                                       "preferred": true}],
                    "managingOrganization": {"display": "North Clinic"},
                    "generalPractitioner": [{"identifier": {"value": "provider"}, "display": "Dr. P"}],
                    "extension": [{"url": "https://carethread.org/fhir/StructureDefinition/care-team",
                                   "valueCode": "north-team-a"}]}},
                  {"resource": {"resourceType": "Observation", "status": "final"}},
                  {"resource": {"resourceType": "Patient",
                    "identifier": [{"system": "https://ehr.example.org/mrn", "value": "%s"}],
                    "name": [{"family": "Ortega", "given": ["Rafael"]}],
                    "birthDate": "1990-12-01",
                    "extension": [{"url": "https://carethread.org/fhir/StructureDefinition/home-location",
                                   "valueCode": "south"},
                                  {"url": "https://carethread.org/fhir/StructureDefinition/primary-provider",
                                   "valueString": "provider"}]}},
                  {"resource": {"resourceType": "Patient", "name": [{"family": "Nobody"}], "birthDate": "1990-12-01",
                    "managingOrganization": {"display": "North Clinic"}}}
                ]}
                """.formatted(mrnA, written(phone), mrnB);

        String answer = given().auth().oauth2(token(admin, "practice-admin", "north", "south"))
                .contentType("application/fhir+json").body(bundle)
                .when().post("/api/routing/patients/import")
                .then().statusCode(200)
                .body("created", equalTo(2))
                .body("rejected.entry", contains(2, 4, 4))
                .body("rejected.row", contains(nullValue(), nullValue(), nullValue()))
                .body("rejected.field", contains("resource", "name.given", "identifier"))
                .extract().asString();
        assertFalse(answer.contains("Nobody"));

        JsonPath lupe = given().auth().oauth2(token("nora.north", "front-desk", "north")).contentType(ContentType.JSON)
                .body(Map.of("mrn", mrnA))
                .when().post("/api/routing/patients/search")
                .then().statusCode(200).body("$", hasSize(1))
                .extract().jsonPath();
        assertEquals("Guadalupe Maria", lupe.getString("[0].givenName"));
        assertEquals("Ortega", lupe.getString("[0].familyName"));
        assertEquals("1961-03-08", lupe.getString("[0].birthDate"));
        assertEquals(List.of(e164(phone)), lupe.getList("[0].phones"));
        assertEquals(List.of("lupe.ortega@example.org"), lupe.getList("[0].emails"));
        assertEquals("es", lupe.getString("[0].preferredLanguage"));
        assertEquals("north", lupe.getString("[0].homeLocation"));
        assertEquals("provider", lupe.getString("[0].primaryProvider"));
        assertEquals("north-team-a", lupe.getString("[0].careTeam"));

        given().auth().oauth2(token("sam.south", "front-desk", "south")).contentType(ContentType.JSON)
                .body(Map.of("mrn", mrnB))
                .when().post("/api/routing/patients/search")
                .then().statusCode(200)
                .body("givenName", contains("Rafael"))
                .body("homeLocation", contains("south"))
                .body("primaryProvider", contains("provider"));
        await().atMost(PATIENCE).until(() -> importsBy(admin), list -> list.size() == 1);
    }

    @Test
    void anEmptyOrUnreadableFileIsAProblemAndOnlyAdministratorsImport() {
        String admin = token(newAdmin(), "practice-admin", "north");
        for (String csv : List.of("", "\n\n", HEADER, "name,phone\nA,1\n", HEADER + "\"unclosed,x\n")) {
            given().auth().oauth2(admin).contentType("text/csv").body(csv)
                    .when().post("/api/routing/patients/import")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:carethread:problem:unreadable-import"));
        }
        for (String fhir : List.of("{", "{\"resourceType\": \"Patient\"}", "{\"resourceType\": \"Bundle\"}", "[]")) {
            given().auth().oauth2(admin).contentType("application/fhir+json").body(fhir)
                    .when().post("/api/routing/patients/import")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:carethread:problem:unreadable-import"));
        }
        given().auth().oauth2(admin).contentType("application/pdf").body("%PDF".getBytes())
                .when().post("/api/routing/patients/import")
                .then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().oauth2(token("sue.supervisor", "supervisor", "north")).contentType("text/csv")
                .body(HEADER + newMrn() + ",Per,Holm,1950-01-01,,,north,,,\n")
                .when().post("/api/routing/patients/import")
                .then().statusCode(403);
    }

    @Test
    void theShippedDemoPatientsImportCleanlyWithTheirFamilyPhone() throws Exception {
        String csv = Files.readString(Path.of("../deploy/demo/patients.csv"));
        given().auth().oauth2(token(newAdmin(), "practice-admin", "north", "south")).contentType("text/csv").body(csv)
                .when().post("/api/routing/patients/import")
                .then().statusCode(200)
                .body("rejected", empty())
                .body("created", equalTo(4));
        given().auth().oauth2(token("nora.north", "front-desk", "north")).contentType(ContentType.JSON)
                .body(Map.of("phone", "15550100001"))
                .when().post("/api/routing/patients/search")
                .then().statusCode(200)
                .body("mrn", containsInAnyOrder("DEMO-1001", "DEMO-1002"));
    }

    /** The import records on the audit topic made by this administrator. */
    private static List<PhiAccessed> importsBy(String admin) {
        return KafkaBroker.shared().readAll(Topics.AUDIT_ACCESS, Duration.ofMillis(500)).stream()
                .map((ConsumerRecord<String, String> r) -> access(r))
                .filter(a -> "patient.import".equals(a.action()) && staffId(admin).equals(a.staffUserId()))
                .toList();
    }
}
