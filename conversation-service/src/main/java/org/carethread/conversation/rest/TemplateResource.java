package org.carethread.conversation.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carethread.conversation.mapping.ConversationViews;
import org.carethread.conversation.repository.ReplyTemplate;
import org.carethread.conversation.service.ReplyTemplates;
import org.carethread.conversation.service.ReplyTemplates.Draft;
import org.carethread.conversation.service.TemplateText.Variable;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/**
 * The practice's reply templates. Every staff member answers with them; practice admins and supervisors write, change
 * and retire them. Each save is a new version, and the ETag is the version, for If-Match.
 */
@Path("/api/templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN, StaffRoles.COMPLIANCE_OFFICER })
@Tag(name = "Templates")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "No staff role, or not allowed to change templates",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TemplateResource {
    private final ReplyTemplates templates;
    private final ConversationViews views;
    private final SignedInStaff staff;

    public TemplateResource(ReplyTemplates templates, ConversationViews views, SignedInStaff staff) {
        this.templates = templates;
        this.views = views;
        this.staff = staff;
    }

    @GET
    @Operation(summary = "The templates staff may answer with, by category and name")
    @APIResponse(responseCode = "200", description = "The active templates")
    public Uni<List<TemplateView>> list(
            @Parameter(description = "only this category, e.g. scheduling") @QueryParam("category") String category) {
        return templates.active(category).map(list -> list.stream().map(views::template).toList());
    }

    @GET
    @Path("/variables")
    @Operation(summary = "The variables a template may use",
            description = "'entered' variables are typed by staff when answering (in 'values'); CareThread fills"
                    + " the others from the conversation, the signed-in staff member and the practice.")
    @APIResponse(responseCode = "200", description = "Every variable")
    public List<VariableView> variables() {
        return Arrays.stream(Variable.values()).map(v -> new VariableView(v.code(), v.description(), v.entered()))
                .toList();
    }

    @GET
    @Path("/{templateId}")
    @Operation(summary = "One template, retired or not, with its usage count")
    @APIResponse(responseCode = "200", description = "The template; ETag = its version")
    @APIResponse(responseCode = "404", description = "No such template",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<TemplateView>> get(@PathParam("templateId") String templateId) {
        return templates.find(templateId(templateId)).map(this::answer);
    }

    @GET
    @Path("/{templateId}/versions")
    @Operation(summary = "Every version of a template, newest first")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No such template",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<TemplateVersionView>> versions(@PathParam("templateId") String templateId) {
        return templates.versions(templateId(templateId))
                .map(list -> list.stream().map(views::templateVersion).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ StaffRoles.PRACTICE_ADMIN, StaffRoles.SUPERVISOR })
    @Operation(summary = "Add a template (practice admins and supervisors)",
            description = "Unknown variables and unmatched braces are refused, so they never reach a patient.")
    @APIResponse(responseCode = "201", description = "Added at version 1")
    @APIResponse(responseCode = "400", description = "Name, category or body not valid; unknown variable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another active template has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(TemplateRequest body) {
        return templates.create(staff.current(), draft(body))
                .map(template -> Response.status(Response.Status.CREATED).entity(views.template(template))
                        .header(HttpHeaders.ETAG, ConversationResource.etag(template.version)).build());
    }

    @PUT
    @Path("/{templateId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ StaffRoles.PRACTICE_ADMIN, StaffRoles.SUPERVISOR })
    @Operation(summary = "Save a new version of a template (practice admins and supervisors)",
            description = "A retired template saved again is offered again.")
    @APIResponse(responseCode = "200", description = "Saved; ETag = the new version")
    @APIResponse(responseCode = "400", description = "Name, category or body not valid; unknown variable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such template",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another active template has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Saved by someone else since the version in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<TemplateView>> update(@PathParam("templateId") String templateId,
            @Parameter(description = "the version (ETag) the caller edited") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch, TemplateRequest body) {
        UUID id = templateId(templateId);
        Long expected = ConversationActionResource.expectedVersion(ifMatch);
        return templates.update(staff.current(), id, expected == null ? null : expected.intValue(), draft(body))
                .map(this::answer);
    }

    @DELETE
    @Path("/{templateId}")
    @RolesAllowed({ StaffRoles.PRACTICE_ADMIN, StaffRoles.SUPERVISOR })
    @Operation(summary = "Retire a template (practice admins and supervisors)",
            description = "It is no longer offered; replies written from it keep naming it, and its versions stay.")
    @APIResponse(responseCode = "200", description = "Retired")
    @APIResponse(responseCode = "404", description = "No such template",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TemplateView> retire(@PathParam("templateId") String templateId) {
        return templates.retire(staff.current(), templateId(templateId)).map(views::template);
    }

    private static Draft draft(TemplateRequest body) {
        if (body == null) {
            throw new InvalidRequestException("Send the template as {\"name\": ..., \"category\": ..., \"body\": ...}.");
        }
        return new Draft(body.name(), body.category(), body.body());
    }

    private static UUID templateId(String id) {
        UUID parsed = ConversationResource.parse(id);
        if (parsed == null) {
            throw new InvalidRequestException("That is not a template's id; GET /api/templates lists them.");
        }
        return parsed;
    }

    private RestResponse<TemplateView> answer(ReplyTemplate template) {
        return RestResponse.ResponseBuilder.ok(views.template(template))
                .header(HttpHeaders.ETAG, ConversationResource.etag(template.version)).build();
    }
}
