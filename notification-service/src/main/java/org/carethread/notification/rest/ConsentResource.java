package org.carethread.notification.rest;

import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.notification.repository.ConsentRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Read-only view of the consent ledger for operators: who opted out of which practice number, when and why. */
@Path("/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {
    /** A blind index (URL-safe Base64), never a phone number: a number in a URL would leak into access logs. */
    private static final Pattern PATIENT_REF = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final Mutiny.SessionFactory sessions;
    private final ConsentRepository consents;

    public ConsentResource(Mutiny.SessionFactory sessions, ConsentRepository consents) {
        this.sessions = sessions;
        this.consents = consents;
    }

    @GET
    @Path("/{patientRef}")
    @Operation(summary = "SMS consent of one patient",
            description = "Current state per practice number and every change with its source message event."
                    + " A patient with no entries never opted out.")
    @APIResponse(responseCode = "200", description = "The ledger for this patient (possibly empty)",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", description = "Not a patient reference",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<ConsentView> get(@PathParam("patientRef") String patientRef) {
        if (!PATIENT_REF.matcher(patientRef).matches()) {
            throw new Problems.InvalidPatientRef();
        }
        return sessions.withSession(session -> consents.currentOf(session, patientRef)
                .chain(current -> consents.historyOf(session, patientRef).map(history -> new ConsentView(patientRef,
                        current.stream().map(record -> new ConsentView.Current(record.key.practiceNumber,
                                record.state, record.changedAt, record.sourceEventId)).toList(),
                        history.stream().map(change -> new ConsentView.Change(change.practiceNumber,
                                change.fromState, change.toState, change.keyword, change.sourceEventId,
                                change.changedAt)).toList()))));
    }
}
