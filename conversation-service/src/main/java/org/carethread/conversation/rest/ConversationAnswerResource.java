package org.carethread.conversation.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carethread.conversation.config.ConversationConfig;
import org.carethread.conversation.mapping.ConversationViews;
import org.carethread.conversation.service.ConversationNotes;
import org.carethread.conversation.service.ScheduledReplies;
import org.carethread.conversation.service.TemplatePreviews;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answering beyond a plain reply: internal notes for colleagues, replies scheduled for later, and templates filled in
 * before they are sent. Scoped like every staff endpoint: another location's conversation is a 404.
 */
@Path("/api/conversations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN, StaffRoles.COMPLIANCE_OFFICER })
@Tag(name = "Conversations")
@APIResponse(responseCode = "400", description = "Invalid body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "No staff role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such conversation at the caller's locations (or template,"
        + " or scheduled reply)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConversationAnswerResource {
    private final ConversationNotes notes;
    private final ScheduledReplies scheduled;
    private final TemplatePreviews previews;
    private final ConversationViews views;
    private final SignedInStaff staff;
    private final ConversationConfig config;

    public ConversationAnswerResource(ConversationNotes notes, ScheduledReplies scheduled, TemplatePreviews previews,
            ConversationViews views, SignedInStaff staff, ConversationConfig config) {
        this.notes = notes;
        this.scheduled = scheduled;
        this.previews = previews;
        this.views = views;
        this.staff = staff;
        this.config = config;
    }

    /** A note's words. */
    public record NoteRequest(String text) {
    }

    /** Which template to fill, with the values staff entered. */
    public record PreviewRequest(String templateId, java.util.Map<String, String> values) {
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an internal note; @username mentions a colleague",
            description = "Notes are for staff only and never sent to the patient. Each @username in the text puts"
                    + " the note in that colleague's mentions (/api/mentions) and is announced on"
                    + " conversation.events. A resolved conversation can still be annotated.")
    @APIResponse(responseCode = "201", description = "The note, with the usernames it mentions")
    public Uni<Response> addNote(@PathParam("id") String id, NoteRequest body) {
        UUID conversationId = ConversationResource.conversationId(id);
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw new InvalidRequestException("Write the note in 'text'; it must not be empty.");
        }
        if (body.text().length() > ConversationNotes.TEXT_MAX_LENGTH) {
            throw new InvalidRequestException("The note has " + body.text().length() + " characters; at most "
                    + ConversationNotes.TEXT_MAX_LENGTH + " fit.");
        }
        return notes.add(staff.current(), conversationId, body.text())
                .map(note -> Response.status(Response.Status.CREATED).entity(views.note(note)).build());
    }

    @POST
    @Path("/scheduled-replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a reply to go out later, in your words or from a template",
            description = "Checked now like a reply (a template is filled now; a variable without a value is 422), sent"
                    + " at 'sendAt' by its author like any reply, even if the conversation was resolved meanwhile."
                    + " Cancel it with DELETE until then.")
    @APIResponse(responseCode = "201", description = "Scheduled")
    @APIResponse(responseCode = "409", description = "The conversation is resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since the version sent in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A template variable has no value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> schedule(@PathParam("id") String id,
            @Parameter(description = ConversationActionResource.IF_MATCH_DESCRIPTION)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ReplyRequest body) {
        UUID conversationId = ConversationResource.conversationId(id);
        Instant sendAt = sendAt(body);
        var draft = ReplyDrafts.of(body, config.replyMaxLength(), staff.givenName());
        return scheduled.schedule(staff.current(), conversationId, draft, sendAt,
                ConversationActionResource.expectedVersion(ifMatch))
                .map(reply -> Response.status(Response.Status.CREATED).entity(views.scheduledReply(reply, false))
                        .build());
    }

    @DELETE
    @Path("/scheduled-replies/{scheduledReplyId}")
    @Operation(summary = "Cancel a scheduled reply before it goes out")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "409", description = "Already sent or cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScheduledReplyView> cancel(@PathParam("id") String id,
            @PathParam("scheduledReplyId") String scheduledReplyId) {
        UUID conversationId = ConversationResource.conversationId(id);
        UUID replyId = ConversationResource.parse(scheduledReplyId);
        if (replyId == null) {
            throw new InvalidRequestException("That is not a scheduled reply's id.");
        }
        return scheduled.cancel(staff.current(), conversationId, replyId)
                .map(reply -> views.scheduledReply(reply, false));
    }

    @POST
    @Path("/template-preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A template filled in for this conversation, as it would be sent (audited)",
            description = "Shows the patient's first name, so it is recorded as a PHI access. 'missing' names the"
                    + " variables still without a value; sending is refused until it is empty.")
    @APIResponse(responseCode = "200", description = "The filled text and what is missing")
    public Uni<TemplatePreview> preview(@PathParam("id") String id, PreviewRequest body, @Context HttpServerRequest request) {
        UUID conversationId = ConversationResource.conversationId(id);
        if (body == null || body.templateId() == null) {
            throw new InvalidRequestException("Name the template in 'templateId'.");
        }
        var draft = ReplyDrafts.of(new ReplyRequest(null, body.templateId(), body.values(), null),
                config.replyMaxLength(), staff.givenName());
        return previews.preview(staff.current(), conversationId, draft.templateId(), draft.values(),
                draft.staffFirstName(), ConversationResource.clientAddress(request))
                .map(filled -> new TemplatePreview(filled.template().id.toString(), filled.template().version,
                        filled.rendered().text(), filled.rendered().missing(), filled.rendered().text().length()));
    }

    private static Instant sendAt(ReplyRequest body) {
        if (body == null || body.sendAt() == null) {
            throw new InvalidRequestException("Say when to send it in 'sendAt', e.g. 2026-11-23T09:00:00-05:00.");
        }
        try {
            Instant at = OffsetDateTime.parse(body.sendAt()).toInstant();
            if (!at.isAfter(Instant.now())) {
                throw new InvalidRequestException("'sendAt' must be in the future; to send now, post a reply.");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'sendAt' must be an ISO-8601 date-time with its offset, e.g."
                    + " 2026-11-23T09:00:00-05:00.");
        }
    }
}
