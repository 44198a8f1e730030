package org.carethread.conversation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.carethread.conversation.service.LegalHolds;
import org.carethread.conversation.service.LegalHolds.Hold;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** Legal holds (compliance officers): keep a patient's conversations, or one, past the retention period. */
@Path("/api/legal-holds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StaffRoles.COMPLIANCE_OFFICER)
@Tag(name = "Retention")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a compliance officer",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LegalHoldResource {
    private static final Pattern PATIENT_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final int REASON_MAX_LENGTH = 1000;

    private final LegalHolds holds;
    private final SignedInStaff staff;

    public LegalHoldResource(LegalHolds holds, SignedInStaff staff) {
        this.holds = holds;
        this.staff = staff;
    }

    /** Exactly one of {@code patientId} (the directory patient) and {@code conversationId}, and why. */
    public record HoldRequest(String patientId, String conversationId, String reason) {
    }

    public record HoldView(String id, String patientId, String conversationId, String reason, String placedBy,
            Instant placedAt, String releasedBy, Instant releasedAt, boolean active) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a legal hold on a patient's conversations or on one conversation")
    @APIResponse(responseCode = "201", description = "Placed; retention keeps what it holds until it is released")
    @APIResponse(responseCode = "400", description = "Not exactly one subject, or no reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<HoldView>> place(HoldRequest body) {
        if (body == null || (body.patientId() == null) == (body.conversationId() == null)) {
            throw new InvalidRequestException("Give exactly one of 'patientId' (the directory patient) and"
                    + " 'conversationId'.");
        }
        if (body.patientId() != null && !PATIENT_ID.matcher(body.patientId()).matches()) {
            throw new InvalidRequestException("'patientId' is the directory patient's id, as the patient panel shows it.");
        }
        UUID conversationId = body.conversationId() == null ? null : ConversationResource.parse(body.conversationId());
        if (body.conversationId() != null && conversationId == null) {
            throw new InvalidRequestException("'conversationId' must be a conversation's id.");
        }
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > REASON_MAX_LENGTH) {
            throw new InvalidRequestException("Say why in 'reason' (1 to " + REASON_MAX_LENGTH + " characters), e.g."
                    + " the case or request it is for.");
        }
        return holds.place(staff.current(), body.patientId(), conversationId, reason)
                .map(hold -> RestResponse.status(RestResponse.Status.CREATED, view(hold)));
    }

    @GET
    @Operation(summary = "Legal holds, newest first: active ones, or all with all=true")
    @APIResponse(responseCode = "200", description = "The holds, with their reasons")
    public Uni<List<HoldView>> list(@Parameter(description = "true: released holds too") @QueryParam("all") boolean all) {
        return holds.list(all).map(list -> list.stream().map(LegalHoldResource::view).toList());
    }

    @DELETE
    @Path("/{holdId}")
    @Operation(summary = "Release a legal hold", description = "What it held is purged at the next run if its"
            + " retention period has passed and nothing else holds it. The hold is kept, released.")
    @APIResponse(responseCode = "200", description = "The hold, released")
    @APIResponse(responseCode = "404", description = "No such hold",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<HoldView> release(@PathParam("holdId") String holdId) {
        UUID id = ConversationResource.parse(holdId);
        if (id == null) {
            throw new LegalHolds.LegalHoldNotFoundException();
        }
        return holds.release(staff.current(), id).map(LegalHoldResource::view);
    }

    private static HoldView view(Hold held) {
        var hold = held.hold();
        return new HoldView(hold.id.toString(), hold.patientId,
                hold.conversationId == null ? null : hold.conversationId.toString(), held.reason(), hold.placedBy,
                hold.placedAt, hold.releasedBy, hold.releasedAt, hold.isActive());
    }
}
