package org.carethread.routing;

import static org.carethread.routing.DirectoryStaff.carrierDigits;
import static org.carethread.routing.DirectoryStaff.create;
import static org.carethread.routing.DirectoryStaff.newMrn;
import static org.carethread.routing.DirectoryStaff.newSubscriber;
import static org.carethread.routing.DirectoryStaff.northFrontDesk;
import static org.carethread.routing.DirectoryStaff.onVertx;
import static org.carethread.routing.DirectoryStaff.patient;
import static org.carethread.routing.DirectoryStaff.rows;
import static org.carethread.routing.DirectoryStaff.southFrontDesk;
import static org.carethread.routing.DirectoryStaff.written;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.carethread.localinfra.TestCrypto;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.routing.service.IdentityReviews;
import org.carethread.routing.service.PatientCandidate;
import org.carethread.routing.service.PatientDirectory;
import org.carethread.routing.service.PatientLinks;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** What the routing pipeline asks of the directory, in its own transaction, for each inbound message. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class PatientRoutingServicesTest {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    PatientDirectory directory;
    @Inject
    PatientLinks links;
    @Inject
    IdentityReviews reviews;

    private List<PatientCandidate> candidates(String patientRef) {
        return onVertx(() -> sessions.withSession(session -> directory.candidatesFor(session, patientRef)));
    }

    private void open(String messageEventId, String patientRef, String location, List<String> ids) {
        onVertx(() -> sessions.withTransaction(session -> reviews.open(session, messageEventId, patientRef, location,
                ids)));
    }

    @Test
    void aFamilyPhoneGivesEveryPatientOnItOldestFirstAndAnUnknownNumberNone() {
        String shared = newSubscriber();
        Map<String, Object> mother = patient("Eva", "Brandt", newMrn(), "north", written(shared));
        String motherId = create(northFrontDesk(), mother);
        Map<String, Object> son = patient("Jonas", "Brandt", newMrn(), "south", "+1555" + shared);
        son.put("primaryProvider", "dr.south");
        son.put("careTeam", "south-team-b");
        son.put("preferredLanguage", "de");
        String sonId = create(southFrontDesk(), son);

        List<PatientCandidate> found = candidates(TestCrypto.BLIND_INDEX.ofAddress(carrierDigits(shared)));
        assertEquals(List.of(
                new PatientCandidate(motherId, "north", "provider", "north-team-a", "en"),
                new PatientCandidate(sonId, "south", "dr.south", "south-team-b", "de")), found);
        assertTrue(candidates(TestCrypto.BLIND_INDEX.ofAddress(carrierDigits(newSubscriber()))).isEmpty());
    }

    @Test
    void noActiveLinkIsNull() {
        assertNull(onVertx(() -> sessions.withSession(session -> links.activeFor(session,
                TestCrypto.BLIND_INDEX.ofAddress(carrierDigits(newSubscriber())), "north"))));
    }

    @Test
    void aReviewOpensOncePerMessageAndOncePerSenderAndLocation() {
        String shared = newSubscriber();
        String a = create(northFrontDesk(), patient("Ida", "Falk", newMrn(), "north", written(shared)));
        String b = create(northFrontDesk(), patient("Leo", "Falk", newMrn(), "north", written(shared)));
        String ref = TestCrypto.BLIND_INDEX.ofAddress(carrierDigits(shared));
        String firstMessage = UUID.randomUUID().toString();

        open(firstMessage, ref, "north", List.of(a, b));
        open(firstMessage, ref, "north", List.of(a, b));
        open(UUID.randomUUID().toString(), ref, "north", List.of(b, a));
        List<Map<String, String>> north = rows("select * from identity_review where patient_ref = ?"
                + " and location_code = 'north'", ref);
        assertEquals(1, north.size(), "a redelivery and the sender's next message add nothing");
        assertEquals(firstMessage, north.get(0).get("message_event_id"));
        assertEquals("open", north.get(0).get("status"));
        assertEquals(List.of(a, b), rows("select patient_id from identity_review_candidate where review_id = ?"
                + " order by position", UUID.fromString(north.get(0).get("id"))).stream()
                .map(r -> r.get("patient_id")).toList());

        open(UUID.randomUUID().toString(), ref, "south", List.of(a, b));
        assertEquals(2, rows("select id from identity_review where patient_ref = ?", ref).size(),
                "another location reviews on its own");
    }
}
