package org.carethread.routing;

import static io.restassured.RestAssured.given;
import static org.carethread.routing.DirectoryStaff.access;
import static org.carethread.routing.DirectoryStaff.awaitKeyed;
import static org.carethread.routing.DirectoryStaff.carrierDigits;
import static org.carethread.routing.DirectoryStaff.create;
import static org.carethread.routing.DirectoryStaff.newMrn;
import static org.carethread.routing.DirectoryStaff.newSubscriber;
import static org.carethread.routing.DirectoryStaff.northFrontDesk;
import static org.carethread.routing.DirectoryStaff.onVertx;
import static org.carethread.routing.DirectoryStaff.patient;
import static org.carethread.routing.DirectoryStaff.read;
import static org.carethread.routing.DirectoryStaff.recordsKeyed;
import static org.carethread.routing.DirectoryStaff.rows;
import static org.carethread.routing.DirectoryStaff.southFrontDesk;
import static org.carethread.routing.DirectoryStaff.token;
import static org.carethread.routing.DirectoryStaff.type;
import static org.carethread.routing.DirectoryStaff.written;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.routing.service.IdentityReviews;
import org.carethread.routing.service.PatientCandidate;
import org.carethread.routing.service.PatientDirectory;
import org.carethread.routing.service.PatientLinks;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.PatientLinked;
import org.carethread.schemas.events.PatientUnlinked;
import org.carethread.schemas.events.PhiAccessed;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A family phone: routing opens an identity review, staff at the location confirm who wrote, and the link goes out
 * on patient.links for the conversation service; staff re-link and unlink.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class IdentityReviewTest {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    PatientDirectory directory;
    @Inject
    IdentityReviews reviews;
    @Inject
    PatientLinks links;

    record Family(String subscriber, String patientRef, String parent, String child) {
    }

    /** Two patients of the north clinic who text from one phone, and a message from it waiting for review. */
    private Family familyUnderReview() {
        String subscriber = newSubscriber();
        String parent = create(northFrontDesk(), patient("Olga", "Petrova", newMrn(), "north", written(subscriber)));
        Map<String, Object> childBody = patient("Mila", "Petrova", newMrn(), "north", written(subscriber));
        childBody.put("birthDate", "2014-05-20");
        childBody.put("primaryProvider", "dr.lee");
        String child = create(northFrontDesk(), childBody);
        String patientRef = TestCrypto.BLIND_INDEX.ofAddress(carrierDigits(subscriber));
        openReview(UUID.randomUUID().toString(), patientRef, "north");
        return new Family(subscriber, patientRef, parent, child);
    }

    /** What routing does for a message from a shared number, in its own transaction. */
    private void openReview(String messageEventId, String patientRef, String locationCode) {
        onVertx(() -> sessions.withTransaction(session -> directory.candidatesFor(session, patientRef)
                .chain(candidates -> reviews.open(session, messageEventId, patientRef, locationCode,
                        candidates.stream().map(PatientCandidate::id).toList()))));
    }

    /** The open review of this sender the staff member sees, or null. */
    private static Map<String, Object> reviewOf(String token, String patientRef) {
        List<Map<String, Object>> open = given().auth().oauth2(token)
                .when().get("/api/routing/identity-reviews")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("$");
        return open.stream().filter(r -> patientRef.equals(r.get("patientRef"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> candidates(Map<String, Object> review, String field) {
        return ((List<Map<String, Object>>) review.get("candidates")).stream().map(c -> c.get(field)).toList();
    }

    @Test
    void staffSeeTheOpenReviewWithItsCandidatesAndTheReadIsAudited() {
        Family family = familyUnderReview();

        Map<String, Object> review = reviewOf(northFrontDesk(), family.patientRef());
        assertEquals("north", review.get("locationCode"));
        assertEquals(List.of(family.parent(), family.child()), candidates(review, "patientId"));
        assertEquals(List.of("Olga", "Mila"), candidates(review, "givenName"));
        assertEquals(List.of("1984-02-29", "2014-05-20"), candidates(review, "birthDate"));
        assertEquals(List.of("north", "north"), candidates(review, "homeLocation"));
        assertEquals(List.of("provider", "dr.lee"), candidates(review, "primaryProvider"));
        assertNull(reviewOf(southFrontDesk(), family.patientRef()), "south staff do not see north's reviews");
        given().auth().oauth2(token("bo.billing", "billing", "north"))
                .when().get("/api/routing/identity-reviews")
                .then().statusCode(403);

        for (String patientId : List.of(family.parent(), family.child())) {
            ConsumerRecord<String, String> audit = awaitKeyed(Topics.AUDIT_ACCESS, patientId, 1).get(0);
            PhiAccessed access = access(audit);
            assertEquals("identity-review.read", access.action());
            assertEquals("north", access.locationCode());
            assertFalse(audit.value().contains("Petrova"));
        }
    }

    @Test
    void confirmingACandidateLinksTheSenderAndTellsPeersOnPatientLinks() {
        Family family = familyUnderReview();
        String reviewId = (String) reviewOf(northFrontDesk(), family.patientRef()).get("id");
        String stranger = create(northFrontDesk(), patient("Yuri", "Ivanov", newMrn(), "north"));

        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(Map.of("patientId", stranger))
                .when().post("/api/routing/identity-reviews/" + reviewId + "/confirm")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("patientId"));
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(Map.of("patientId", "Olga"))
                .when().post("/api/routing/identity-reviews/" + reviewId + "/confirm")
                .then().statusCode(422)
                .body("errors.field", contains("patientId"));
        given().auth().oauth2(southFrontDesk()).contentType(ContentType.JSON).body(Map.of("patientId", family.child()))
                .when().post("/api/routing/identity-reviews/" + reviewId + "/confirm")
                .then().statusCode(404);
        assertTrue(rows("select id from patient_link where patient_ref = ?", family.patientRef()).isEmpty(),
                "refusals change nothing");

        String linkId = given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("patientId", family.child()))
                .when().post("/api/routing/identity-reviews/" + reviewId + "/confirm")
                .then().statusCode(200)
                .body("patientRef", equalTo(family.patientRef()))
                .body("patientId", equalTo(family.child()))
                .body("locationCode", equalTo("north"))
                .body("linkedBy", equalTo("nora.north"))
                .body("linkedAt", notNullValue())
                .extract().jsonPath().getString("id");

        ConsumerRecord<String, String> record = awaitKeyed(Topics.PATIENT_LINKS, family.patientRef(), 1).get(0);
        assertEquals(EventTypes.PATIENT_LINKED, type(record));
        assertEquals("carethread.patient.linked.v1", type(record));
        PatientLinked linked = read(record, PatientLinked.class);
        assertEquals(linkId, linked.linkId());
        assertEquals(family.child(), linked.patientId());
        assertEquals(family.patientRef(), linked.patientRef());
        assertEquals("north", linked.locationCode());
        assertEquals("nora.north", linked.linkedBy());
        assertEquals("Mila", TestCrypto.CIPHER.open(linked.sealedPatientGivenName()), "staff greet her by name");
        assertFalse(record.value().contains(family.subscriber()), "no phone number on Kafka");

        assertNull(reviewOf(northFrontDesk(), family.patientRef()), "the review is resolved");
        Map<String, String> stored = rows("select * from identity_review where id = ?", UUID.fromString(reviewId))
                .get(0);
        assertEquals("resolved", stored.get("status"));
        assertEquals("nora.north", stored.get("resolved_by"));
        assertEquals(family.child(), stored.get("resolved_patient_id"));
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(Map.of("patientId", family.parent()))
                .when().post("/api/routing/identity-reviews/" + reviewId + "/confirm")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:identity-review-resolved"));

        PatientCandidate linkedPatient = onVertx(() -> sessions.withSession(
                session -> links.activeFor(session, family.patientRef(), "north")));
        assertEquals(family.child(), linkedPatient.id());
        assertEquals("dr.lee", linkedPatient.primaryProvider());
        given().auth().oauth2(northFrontDesk())
                .when().get("/api/routing/patients/" + family.child())
                .then().statusCode(200)
                .body("links.id", contains(linkId));
    }

    @Test
    void relinkingReplacesTheActiveLinkAndUnlinkingEndsIt() {
        Family family = familyUnderReview();
        String reviewId = (String) reviewOf(northFrontDesk(), family.patientRef()).get("id");
        String first = given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("patientId", family.parent()))
                .when().post("/api/routing/identity-reviews/" + reviewId + "/confirm")
                .then().statusCode(200).extract().jsonPath().getString("id");

        // The sender as a person gives it: their number, not the blind index.
        var created = given().auth().oauth2(token("nina.nurse", "nurse", "north")).contentType(ContentType.JSON)
                .body(Map.of("address", written(family.subscriber()), "locationCode", "north",
                        "patientId", family.child()))
                .when().post("/api/routing/patient-links")
                .then().statusCode(201)
                .body("patientRef", equalTo(family.patientRef()))
                .extract();
        String second = created.jsonPath().getString("id");
        assertTrue(created.header("Location").endsWith("/api/routing/patient-links/" + second));
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("patientRef", family.patientRef(), "locationCode", "north", "patientId", family.child()))
                .when().post("/api/routing/patient-links")
                .then().statusCode(200)
                .body("id", equalTo(second));

        List<ConsumerRecord<String, String>> events = awaitKeyed(Topics.PATIENT_LINKS, family.patientRef(), 3);
        assertEquals(List.of(EventTypes.PATIENT_LINKED, EventTypes.PATIENT_UNLINKED, EventTypes.PATIENT_LINKED),
                events.stream().map(DirectoryStaff::type).toList());
        PatientUnlinked replaced = read(events.get(1), PatientUnlinked.class);
        assertEquals(first, replaced.linkId());
        assertEquals(family.parent(), replaced.patientId());
        assertEquals("nina.nurse", replaced.unlinkedBy());
        assertEquals(second, read(events.get(2), PatientLinked.class).linkId());

        given().auth().oauth2(southFrontDesk()).when().delete("/api/routing/patient-links/" + second)
                .then().statusCode(404);
        given().auth().oauth2(northFrontDesk()).when().delete("/api/routing/patient-links/" + second)
                .then().statusCode(200)
                .body("unlinkedBy", equalTo("nora.north"))
                .body("unlinkedAt", notNullValue());
        given().auth().oauth2(northFrontDesk()).when().delete("/api/routing/patient-links/" + second)
                .then().statusCode(409);
        given().auth().oauth2(northFrontDesk()).when().get("/api/routing/patient-links/" + first)
                .then().statusCode(200)
                .body("unlinkedBy", equalTo("nina.nurse"));

        List<ConsumerRecord<String, String>> after = awaitKeyed(Topics.PATIENT_LINKS, family.patientRef(), 4);
        assertEquals(4, after.size());
        assertEquals(EventTypes.PATIENT_UNLINKED, type(after.get(3)));
        assertEquals(second, read(after.get(3), PatientUnlinked.class).linkId());
        assertNull(onVertx(() -> sessions.withSession(
                session -> links.activeFor(session, family.patientRef(), "north"))));
        assertEquals(4, recordsKeyed(Topics.PATIENT_LINKS, family.patientRef()).size(), "nothing more");
    }

    @Test
    void aLinkNeedsAValidSenderALocationOfTheCallerAndAPatientInScope() {
        String south = create(southFrontDesk(), patient("Sven", "Lund", newMrn(), "south"));
        String north = create(northFrontDesk(), patient("Nils", "Lund", newMrn(), "north"));
        String ref = TestCrypto.BLIND_INDEX.ofAddress(carrierDigits(newSubscriber()));

        for (Map<String, String> body : List.of(
                Map.of("locationCode", "north", "patientId", north),
                Map.of("patientRef", "not a ref!", "locationCode", "north", "patientId", north),
                Map.of("address", "12", "locationCode", "north", "patientId", north),
                Map.of("patientRef", ref, "locationCode", "south", "patientId", north),
                Map.of("patientRef", ref, "locationCode", "north", "patientId", south),
                Map.of("patientRef", ref, "locationCode", "north"))) {
            given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/routing/patient-links")
                    .then().statusCode(422)
                    .contentType("application/problem+json");
        }
        assertTrue(rows("select id from patient_link where patient_ref = ?", ref).isEmpty());
        assertTrue(recordsKeyed(Topics.PATIENT_LINKS, ref).isEmpty());
    }
}
