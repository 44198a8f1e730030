package org.carethread.conversation.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.conversation.mapping.ConversationViews;
import org.carethread.conversation.service.ConversationWorkflow;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The practice's outcomes, to pick one when resolving a conversation. */
@Path("/api/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN, StaffRoles.COMPLIANCE_OFFICER })
@Tag(name = "Conversations")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OutcomeResource {
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
    private static final int LABEL_MAX_LENGTH = 100;

    private final ConversationWorkflow workflow;
    private final ConversationViews views;

    public OutcomeResource(ConversationWorkflow workflow, ConversationViews views) {
        this.workflow = workflow;
        this.views = views;
    }

    /** How an admin names an outcome. */
    public record OutcomeRequest(String label, Integer position, Boolean active) {
    }

    @GET
    @Operation(summary = "Outcomes a conversation can be resolved with, in the practice's order")
    @APIResponse(responseCode = "200", description = "The active outcomes (all, retired too, with all=true)")
    public Uni<List<OutcomeView>> list(
            @Parameter(description = "true: retired outcomes too (for the admin screen)") @QueryParam("all") boolean all) {
        return workflow.outcomes(all).map(outcomes -> outcomes.stream().map(views::outcome).toList());
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.PRACTICE_ADMIN)
    @Operation(summary = "Add or change one of the practice's outcomes (practice admins)",
            description = "A new code is added last unless 'position' says where; 'active': false retires it (no"
                    + " longer offered; conversations resolved with it keep it).")
    @APIResponse(responseCode = "200", description = "The outcome as saved")
    @APIResponse(responseCode = "400", description = "Code or label not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a practice admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OutcomeView> save(@PathParam("code") String code, OutcomeRequest body) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidRequestException("The outcome's code must be lower-case letters, digits and dashes, at"
                    + " most 50, e.g. sent-to-billing.");
        }
        if (body == null || body.label() == null || body.label().isBlank() || body.label().length() > LABEL_MAX_LENGTH) {
            throw new InvalidRequestException("'label' must be 1 to " + LABEL_MAX_LENGTH + " characters.");
        }
        if (body.position() != null && body.position() < 1) {
            throw new InvalidRequestException("'position' counts from 1.");
        }
        return workflow.saveOutcome(code, body.label().strip(), body.position(), body.active()).map(views::outcome);
    }
}
