package org.carethread.routing;

import static io.restassured.RestAssured.given;
import static org.carethread.routing.DirectoryStaff.admin;
import static org.carethread.routing.DirectoryStaff.access;
import static org.carethread.routing.DirectoryStaff.awaitKeyed;
import static org.carethread.routing.DirectoryStaff.carrierDigits;
import static org.carethread.routing.DirectoryStaff.create;
import static org.carethread.routing.DirectoryStaff.e164;
import static org.carethread.routing.DirectoryStaff.mrnIndex;
import static org.carethread.routing.DirectoryStaff.newMrn;
import static org.carethread.routing.DirectoryStaff.newSubscriber;
import static org.carethread.routing.DirectoryStaff.northFrontDesk;
import static org.carethread.routing.DirectoryStaff.patient;
import static org.carethread.routing.DirectoryStaff.rows;
import static org.carethread.routing.DirectoryStaff.southFrontDesk;
import static org.carethread.routing.DirectoryStaff.staffId;
import static org.carethread.routing.DirectoryStaff.token;
import static org.carethread.routing.DirectoryStaff.type;
import static org.carethread.routing.DirectoryStaff.written;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.PhiAccessed;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The patient directory as staff use it through the gateway, and as an auditor finds it at rest and on Kafka. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class PatientDirectoryApiTest {

    @Test
    void aCreatedPatientReadsBackNormalisedAndSealedAtRest() {
        String subscriber = newSubscriber();
        String mrn = newMrn();
        Map<String, Object> body = patient("Maria", "Zapatero-Lindqvist", " " + mrn.toLowerCase() + " ", "north",
                written(subscriber));
        body.put("emails", List.of("  Maria.Lindqvist@Example.ORG "));
        body.put("preferredLanguage", "es-MX");

        var created = given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(body)
                .when().post("/api/routing/patients")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("givenName", equalTo("Maria"))
                .body("mrn", equalTo(mrn))
                .body("phones", contains(e164(subscriber)))
                .body("emails", contains("maria.lindqvist@example.org"))
                .body("preferredLanguage", equalTo("es"))
                .body("homeLocation", equalTo("north"))
                .body("version", equalTo(0))
                .extract();
        String id = created.jsonPath().getString("id");
        assertEquals("/api/routing/patients/" + id, java.net.URI.create(created.header("Location")).getPath());

        given().auth().oauth2(northFrontDesk())
                .when().get("/api/routing/patients/" + id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("familyName", equalTo("Zapatero-Lindqvist"))
                .body("birthDate", equalTo("1984-02-29"))
                .body("phones", contains(e164(subscriber)))
                .body("careTeam", equalTo("north-team-a"))
                .body("primaryProvider", equalTo("provider"))
                .body("links", empty());

        Map<String, String> row = rows("select * from patient where id = ?", UUID.fromString(id)).get(0);
        String everything = row.toString();
        assertFalse(everything.contains("Maria"), "no clear given name at rest");
        assertFalse(everything.contains("Zapatero"), "no clear family name at rest");
        assertFalse(everything.contains("1984"), "no clear birth date at rest");
        assertFalse(everything.contains(mrn), "no clear MRN at rest");
        assertTrue(row.get("sealed_given_name").startsWith("v1.test1."), "sealed with the active key");
        assertEquals("Maria", TestCrypto.CIPHER.open(row.get("sealed_given_name")));
        assertEquals(mrnIndex(mrn), row.get("mrn_index"));

        List<Map<String, String>> addresses = rows("select * from patient_address where patient_id = ?"
                + " order by kind desc", UUID.fromString(id));
        assertEquals(2, addresses.size());
        for (Map<String, String> address : addresses) {
            assertFalse(address.toString().contains(subscriber), "no clear phone number at rest");
            assertFalse(address.toString().toLowerCase().contains("lindqvist"), "no clear e-mail at rest");
        }
        assertEquals("phone", addresses.get(0).get("kind"));
        assertEquals(e164(subscriber), TestCrypto.CIPHER.open(addresses.get(0).get("sealed_value")));
        // What ingestion computes for the carrier's "15551234567" finds this patient.
        assertEquals(TestCrypto.BLIND_INDEX.ofAddress(carrierDigits(subscriber)), addresses.get(0).get("address_index"));
        assertEquals(TestCrypto.BLIND_INDEX.ofAddress("maria.lindqvist@example.org"),
                addresses.get(1).get("address_index"));
    }

    @Test
    void theSameNumberWrittenTwoWaysIsOneIndexAndASearchByTheCarriersDigitsFindsBoth() {
        String subscriber = newSubscriber();
        String parent = create(northFrontDesk(), patient("Ana", "Silva", newMrn(), "north", written(subscriber)));
        String child = create(northFrontDesk(), patient("Luis", "Silva", newMrn(), "north",
                "+1 555 " + subscriber.substring(0, 3) + " " + subscriber.substring(3)));

        List<Map<String, String>> indexes = rows("select patient_id, address_index from patient_address"
                + " where patient_id in (?, ?)", UUID.fromString(parent), UUID.fromString(child));
        assertEquals(2, indexes.size());
        assertEquals(indexes.get(0).get("address_index"), indexes.get(1).get("address_index"));
        assertEquals(TestCrypto.BLIND_INDEX.ofAddress(carrierDigits(subscriber)), indexes.get(0).get("address_index"));

        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("phone", carrierDigits(subscriber)))
                .when().post("/api/routing/patients/search")
                .then().statusCode(200)
                .body("id", contains(parent, child))
                .body("givenName", contains("Ana", "Luis"));
    }

    @Test
    void invalidFieldsAreNamedWithoutTheirValuesAndNothingIsStored() {
        String mrn = newMrn();
        Map<String, Object> body = patient("Ruth", "Okafor", mrn, "north", "12345");
        body.put("birthDate", "2999-01-01");
        body.put("emails", List.of("ruth.okafor-at-example"));
        body.put("familyName", " ");

        String problem = given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(body)
                .when().post("/api/routing/patients")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:invalid-fields"))
                .body("status", equalTo(422))
                .body("errors.field", containsInAnyOrder("familyName", "birthDate", "phones", "emails"))
                .body("detail", containsString("phones: The 1st phone number is too short"))
                .extract().asString();
        assertFalse(problem.contains("12345"), "the problem never repeats the number");
        assertFalse(problem.contains("ruth.okafor-at-example"), "the problem never repeats the e-mail");
        assertFalse(problem.contains("2999"), "the problem never repeats the date");
        assertTrue(rows("select id from patient where mrn_index = ?", mrnIndex(mrn)).isEmpty(), "nothing stored");

        Map<String, Object> elsewhere = patient("Ruth", "Okafor", mrn, "south");
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(elsewhere)
                .when().post("/api/routing/patients")
                .then().statusCode(422)
                .body("errors.field", contains("homeLocation"))
                .body("errors[0].problem", containsString("one of your locations (north)"));
        Map<String, Object> unknownPlace = patient("Ruth", "Okafor", mrn, "east");
        given().auth().oauth2(token("ed.east", "front-desk", "east")).contentType(ContentType.JSON).body(unknownPlace)
                .when().post("/api/routing/patients")
                .then().statusCode(422)
                .body("errors.field", contains("homeLocation"))
                .body("errors[0].problem", containsString("not a location of the practice"));
        Map<String, Object> wrongShape = patient("Ruth", "Okafor", mrn, "north");
        wrongShape.put("phones", Map.of("home", "5550100"));
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(wrongShape)
                .when().post("/api/routing/patients")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("phones"));
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .when().post("/api/routing/patients")
                .then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body("{\"givenName\": ")
                .when().post("/api/routing/patients")
                .then().statusCode(400)
                .contentType("application/problem+json");
        assertTrue(rows("select id from patient where mrn_index = ?", mrnIndex(mrn)).isEmpty(), "nothing stored");
    }

    @Test
    void aSecondPatientWithTheSameMrnIsAConflict() {
        String mrn = newMrn();
        create(northFrontDesk(), patient("Iris", "Novak", mrn, "north"));
        given().auth().oauth2(southFrontDesk()).contentType(ContentType.JSON)
                .body(patient("Ivan", "Novak", mrn.toLowerCase(), "south"))
                .when().post("/api/routing/patients")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:duplicate-mrn"))
                .body("errors.field", contains("mrn"));
        assertEquals(1, rows("select id from patient where mrn_index = ?", mrnIndex(mrn)).size());
    }

    @Test
    void aPatientOfAnotherLocationIsNotFoundByAnyRoute() {
        String subscriber = newSubscriber();
        String mrn = newMrn();
        String id = create(northFrontDesk(), patient("Otto", "Berg", mrn, "north", written(subscriber)));

        String outOfScope = given().auth().oauth2(southFrontDesk())
                .when().get("/api/routing/patients/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .extract().asString();
        String nonexistent = given().auth().oauth2(southFrontDesk())
                .when().get("/api/routing/patients/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .extract().asString();
        assertEquals(nonexistent, outOfScope, "out of scope reads exactly like nonexistent");
        given().auth().oauth2(southFrontDesk()).when().get("/api/routing/patients/not-an-id")
                .then().statusCode(404);
        given().auth().oauth2(southFrontDesk()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(patient("Otto", "Berg", mrn, "south"))
                .when().put("/api/routing/patients/" + id)
                .then().statusCode(404);
        for (Map<String, String> search : List.of(Map.of("phone", written(subscriber)), Map.of("mrn", mrn))) {
            given().auth().oauth2(southFrontDesk()).contentType(ContentType.JSON).body(search)
                    .when().post("/api/routing/patients/search")
                    .then().statusCode(200)
                    .body("$", empty());
        }
        given().auth().oauth2(token("nobody", "front-desk")).when().get("/api/routing/patients/" + id)
                .then().statusCode(404);
        given().auth().oauth2(admin()).when().get("/api/routing/patients/" + id)
                .then().statusCode(200);
    }

    @Test
    void rolesDecideWhoReadsAndWhoWrites() {
        String id = create(northFrontDesk(), patient("Hana", "Sato", newMrn(), "north"));

        given().when().get("/api/routing/patients/" + id)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not.a.token").when().get("/api/routing/patients/" + id)
                .then().statusCode(401);
        given().auth().oauth2(token("carl.compliance", "compliance-officer", "north"))
                .when().get("/api/routing/patients/" + id)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:forbidden"));
        given().auth().oauth2(token("bo.billing", "billing", "north"))
                .when().get("/api/routing/patients/" + id)
                .then().statusCode(200);
        given().auth().oauth2(token("bo.billing", "billing", "north")).contentType(ContentType.JSON)
                .body(patient("Kai", "Sato", newMrn(), "north"))
                .when().post("/api/routing/patients")
                .then().statusCode(403);
        given().auth().oauth2(token("pat.provider", "provider", "north")).contentType(ContentType.JSON)
                .body(Map.of("mrn", "X1"))
                .when().post("/api/routing/patients/search")
                .then().statusCode(200);
        given().auth().oauth2(token("carl.compliance", "compliance-officer", "north")).contentType(ContentType.JSON)
                .body(Map.of("mrn", "X1"))
                .when().post("/api/routing/patients/search")
                .then().statusCode(403);
    }

    @Test
    void anEditNamesTheVersionItWasMadeFromAndAStaleOneChangesNothing() {
        String first = newSubscriber();
        String second = newSubscriber();
        String mrn = newMrn();
        String id = create(northFrontDesk(), patient("Lena", "Park", mrn, "north", written(first)));

        Map<String, Object> edit = patient("Lena", "Park-Kim", mrn, "north", written(second));
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(edit)
                .when().put("/api/routing/patients/" + id)
                .then().statusCode(428)
                .contentType("application/problem+json");
        given().auth().oauth2(northFrontDesk()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(edit)
                .when().put("/api/routing/patients/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("familyName", equalTo("Park-Kim"))
                .body("phones", contains(e164(second)))
                .body("version", equalTo(1));

        Map<String, Object> late = patient("Lena", "Parker", mrn, "north", written(first));
        given().auth().oauth2(southFrontDesk()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(late)
                .when().put("/api/routing/patients/" + id)
                .then().statusCode(404);
        given().auth().oauth2(admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(late)
                .when().put("/api/routing/patients/" + id)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .header("ETag", "\"1\"")
                .body("type", equalTo("urn:carethread:problem:patient-changed"));

        given().auth().oauth2(northFrontDesk())
                .when().get("/api/routing/patients/" + id)
                .then().statusCode(200)
                .body("familyName", equalTo("Park-Kim"))
                .body("phones", contains(e164(second)));
        List<Map<String, String>> addresses = rows("select address_index from patient_address where patient_id = ?",
                UUID.fromString(id));
        assertEquals(List.of(TestCrypto.BLIND_INDEX.ofAddress(carrierDigits(second))),
                addresses.stream().map(a -> a.get("address_index")).toList(), "the old number is gone");

        Map<String, Object> invalid = patient("Lena", "Park-Kim", mrn, "north", "not a phone");
        given().auth().oauth2(northFrontDesk()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(invalid)
                .when().put("/api/routing/patients/" + id)
                .then().statusCode(422)
                .body("errors.field", contains("phones"));
        given().auth().oauth2(northFrontDesk())
                .when().get("/api/routing/patients/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void readsAndSearchesAreAuditedWithTheReaderAndNoPhi() {
        String subscriber = newSubscriber();
        String id = create(northFrontDesk(), patient("Noor", "Haddad", newMrn(), "north", written(subscriber)));

        given().auth().oauth2(token("nina.nurse", "nurse", "north", "south"))
                .header("X-Forwarded-For", "203.0.113.9, 10.0.0.2")
                .when().get("/api/routing/patients/" + id)
                .then().statusCode(200);
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("phone", e164(subscriber)))
                .when().post("/api/routing/patients/search")
                .then().statusCode(200)
                .body("id", contains(id));

        List<ConsumerRecord<String, String>> audit = awaitKeyed(Topics.AUDIT_ACCESS, id, 2);
        assertEquals(2, audit.size(), "creating is not a read; the read and the search are");
        ConsumerRecord<String, String> read = audit.get(0);
        assertEquals(EventTypes.PHI_ACCESSED, type(read));
        PhiAccessed access = access(read);
        assertEquals("patient.read", access.action());
        assertEquals(staffId("nina.nurse"), access.staffUserId());
        assertEquals(List.of("nurse"), access.staffRoles());
        assertEquals(id, access.patientRef());
        assertEquals("north", access.locationCode());
        assertEquals("203.0.113.9", access.clientAddress());
        assertEquals(null, access.conversationId());
        PhiAccessed search = access(audit.get(1));
        assertEquals("patient.search", search.action());
        assertEquals(staffId("nora.north"), search.staffUserId());
        for (ConsumerRecord<String, String> record : audit) {
            assertFalse(record.value().contains("Noor") || record.value().contains("Haddad")
                    || record.value().contains(subscriber), "audit events hold no PHI");
        }
    }

    @Test
    void aSearchNeedsExactlyOneValidKey() {
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("phone", "+1 555 010 0001", "mrn", "X1"))
                .when().post("/api/routing/patients/search")
                .then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/routing/patients/search")
                .then().statusCode(422);
        String problem = given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("phone", "555-01"))
                .when().post("/api/routing/patients/search")
                .then().statusCode(422)
                .body("errors.field", contains("phone"))
                .extract().asString();
        assertFalse(problem.contains("555-01"));
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(Map.of("email", "nobody"))
                .when().post("/api/routing/patients/search")
                .then().statusCode(422)
                .body("errors.field", contains("email"));
    }

    @Test
    void theApiDescriptionListsTheDirectory() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/routing/patients/{id}"))
                .body(containsString("/api/routing/patients/import"))
                .body(containsString("/api/routing/identity-reviews/{id}/confirm"))
                .body(containsString("/api/routing/patient-links"));
        // The operators' endpoints stay open: they hold no PHI.
        given().when().get("/locations").then().statusCode(200);
    }
}
