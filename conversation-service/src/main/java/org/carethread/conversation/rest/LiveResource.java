package org.carethread.conversation.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.conversation.service.LiveUpdates;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;

/** Server-sent events: every change the signed-in staff member may see, as it happens. */
@Path("/api/live")
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN, StaffRoles.COMPLIANCE_OFFICER })
@Tag(name = "Conversations")
public class LiveResource {
    private final LiveUpdates live;
    private final SignedInStaff staff;
    private final JsonWebToken token;

    public LiveResource(LiveUpdates live, SignedInStaff staff, JsonWebToken token) {
        this.live = live;
        this.staff = staff;
        this.token = token;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes to conversations at my locations, as server-sent events",
            description = "Each event is a LiveUpdate without PHI (type, conversationId, locationCode, at); read the"
                    + " conversation to see what changed. A heartbeat comes every 20 s. The stream ends when the token"
                    + " expires; reconnect with a fresh one (and re-read the inbox, as changes in between are not"
                    + " replayed). Needs the Authorization header, so browsers read it with fetch, not EventSource.")
    @APIResponse(responseCode = "200", description = "The stream")
    @APIResponse(responseCode = "401", description = "No valid staff token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "No staff role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<LiveUpdate> follow() {
        return live.follow(staff.current().locations(), Instant.ofEpochSecond(token.getExpirationTime()));
    }
}
