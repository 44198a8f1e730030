package org.carethread.conversation.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.carethread.conversation.service.BreakGlass;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Break-glass: reading a conversation outside one's locations, for a limited time, having said why. */
@Path("/api/conversations/{id}/break-glass")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN })
@Tag(name = "Conversations")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not break glass (compliance officers read the audit)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BreakGlassResource {
    private static final int REASON_MIN_LENGTH = 10;
    private static final int REASON_MAX_LENGTH = 1000;

    private final BreakGlass breakGlass;
    private final SignedInStaff staff;

    public BreakGlassResource(BreakGlass breakGlass, SignedInStaff staff) {
        this.breakGlass = breakGlass;
        this.staff = staff;
    }

    public record BreakGlassRequest(String reason) {
    }

    /** @param expiresAt until when the conversation may be read; then it is out of scope again */
    public record BreakGlassView(String grantId, String conversationId, String locationCode, Instant expiresAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a conversation outside your locations, saying why (break-glass)",
            description = "Grants reading (not changing) the conversation for break-glass-minutes (30 by default)."
                    + " The grant and every read under it are audited with the reason, and supervisors and compliance"
                    + " officers are told (carethread.access.break-glass-granted.v1).")
    @APIResponse(responseCode = "201", description = "Granted; read the conversation as usual until expiresAt")
    @APIResponse(responseCode = "400", description = "No reason, or one shorter than 10 or longer than 1000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such conversation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The conversation is at one of your locations already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<BreakGlassView>> grant(@PathParam("id") String id, BreakGlassRequest body,
            @Context HttpServerRequest request) {
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.length() < REASON_MIN_LENGTH || reason.length() > REASON_MAX_LENGTH) {
            throw new InvalidRequestException("Say why you need this conversation in 'reason' (" + REASON_MIN_LENGTH
                    + " to " + REASON_MAX_LENGTH + " characters); it is recorded with every read.");
        }
        return breakGlass.grant(staff.current(), ConversationResource.conversationId(id), reason,
                ConversationResource.clientAddress(request))
                .map(granted -> RestResponse.status(RestResponse.Status.CREATED, new BreakGlassView(granted.grantId(),
                        granted.conversationId(), granted.locationCode(), granted.expiresAt())));
    }
}
