package org.carethread.conversation.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.carethread.conversation.mapping.ConversationViews;
import org.carethread.conversation.service.ConversationNotes;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Where colleagues mentioned the signed-in staff member in notes, at their locations. */
@Path("/api/mentions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN, StaffRoles.COMPLIANCE_OFFICER })
@Tag(name = "Conversations")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "No staff role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MentionResource {
    private static final int LIMIT = 100;

    private final ConversationNotes notes;
    private final ConversationViews views;
    private final SignedInStaff staff;

    public MentionResource(ConversationNotes notes, ConversationViews views, SignedInStaff staff) {
        this.notes = notes;
        this.views = views;
        this.staff = staff;
    }

    @GET
    @Operation(summary = "Notes that mention me, newest first (at most 100)",
            description = "No note text: open the conversation to read it.")
    @APIResponse(responseCode = "200", description = "The mentions")
    public Uni<List<MentionView>> mine(
            @Parameter(description = "true (default): only those not yet seen") @QueryParam("unseen") Boolean unseen) {
        return notes.mentionsOf(staff.current(), unseen == null || unseen, LIMIT)
                .map(list -> list.stream().map(views::mention).toList());
    }

    @POST
    @Path("/{mentionId}/seen")
    @Operation(summary = "Mark a mention of me seen")
    @APIResponse(responseCode = "200", description = "Seen")
    @APIResponse(responseCode = "404", description = "No such mention of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MentionView> seen(@PathParam("mentionId") String mentionId) {
        UUID id = ConversationResource.parse(mentionId);
        if (id == null) {
            throw new InvalidRequestException("That is not a mention's id.");
        }
        return notes.seen(staff.current(), id).map(views::mention);
    }
}
