package org.carethread.conversation.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.conversation.mapping.ConversationViews;
import org.carethread.conversation.service.ConversationWorkflow;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The practice's outcomes, to pick one when resolving a conversation. */
@Path("/api/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN, StaffRoles.COMPLIANCE_OFFICER })
@Tag(name = "Conversations")
public class OutcomeResource {
    private final ConversationWorkflow workflow;
    private final ConversationViews views;

    public OutcomeResource(ConversationWorkflow workflow, ConversationViews views) {
        this.workflow = workflow;
        this.views = views;
    }

    @GET
    @Operation(summary = "Outcomes a conversation can be resolved with, in the practice's order")
    @APIResponse(responseCode = "200", description = "The active outcomes")
    public Uni<List<OutcomeView>> list() {
        return workflow.outcomes().map(outcomes -> outcomes.stream().map(views::outcome).toList());
    }
}
