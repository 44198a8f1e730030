package org.carethread.conversation.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.carethread.conversation.mapping.ConversationViews;
import org.carethread.conversation.repository.ConversationRepository.Summary;
import org.carethread.conversation.service.ConversationWorkflow;
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
 * What staff do with a conversation: claim, assign, hand off, escalate, snooze, resolve, reopen. Each answers the
 * updated conversation with its new version as the ETag; {@code If-Match} makes an action refuse to overwrite a
 * colleague's change. Scoped like every staff endpoint: another location's conversation is a 404.
 */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN, StaffRoles.COMPLIANCE_OFFICER })
@Tag(name = "Conversations")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "No staff role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid body or If-Match; unknown outcome; time not in the future",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such conversation at the caller's locations",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Held by a colleague (claim), or resolved",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "Changed since the version sent in If-Match",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConversationActionResource {
    private static final List<String> ESCALATIONS = List.of("supervisor", "clinical-review", "call-patient");
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]*$");
    private static final Pattern STAFF_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]*$");
    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");
    private static final int MAX_CODE_LENGTH = 100;
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_REASON_LENGTH = 1000;
    static final String IF_MATCH_DESCRIPTION = "the ETag (version) the caller saw; the action is refused"
            + " with 412 if the conversation changed since";

    private final ConversationWorkflow workflow;
    private final ConversationViews views;
    private final SignedInStaff staff;

    public ConversationActionResource(ConversationWorkflow workflow, ConversationViews views, SignedInStaff staff) {
        this.workflow = workflow;
        this.views = views;
        this.staff = staff;
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Take the conversation", description = "Claiming one you already own changes nothing.")
    @APIResponse(responseCode = "200", description = "The updated conversation; ETag is its new version")
    public Uni<RestResponse<ConversationSummary>> claim(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(workflow.claim(staff.current(), ConversationResource.conversationId(id), expectedVersion(ifMatch)));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign to a colleague or move to a queue",
            description = "A queue takes the conversation without an owner.")
    @APIResponse(responseCode = "200", description = "The updated conversation; ETag is its new version")
    public Uni<RestResponse<ConversationSummary>> assign(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            WorkflowRequests.Assign body) {
        UUID conversationId = ConversationResource.conversationId(id);
        if (body == null || (body.assignee() == null) == (body.queue() == null)) {
            throw new InvalidRequestException("Send exactly one of 'assignee' (a colleague's username) or 'queue'.");
        }
        Long expected = expectedVersion(ifMatch);
        if (body.assignee() != null) {
            return answer(workflow.assignToColleague(staff.current(), conversationId, expected,
                    colleague("assignee", body.assignee())));
        }
        return answer(workflow.moveToQueue(staff.current(), conversationId, expected, queue(body.queue())));
    }

    @POST
    @Path("/{id}/handoff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand off to a colleague, with a reason")
    @APIResponse(responseCode = "200", description = "The updated conversation; ETag is its new version")
    public Uni<RestResponse<ConversationSummary>> handoff(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            WorkflowRequests.Handoff body) {
        UUID conversationId = ConversationResource.conversationId(id);
        if (body == null) {
            throw new InvalidRequestException("Send 'to' (a colleague's username) and 'reason'.");
        }
        String to = colleague("to", body.to());
        String reason = reason(body.reason(), "handoff");
        return answer(workflow.handoff(staff.current(), conversationId, expectedVersion(ifMatch), to, reason));
    }

    @POST
    @Path("/{id}/escalate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Escalate to a supervisor, for clinical review, or as a call-the-patient task")
    @APIResponse(responseCode = "200", description = "The updated conversation; ETag is its new version")
    public Uni<RestResponse<ConversationSummary>> escalate(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            WorkflowRequests.Escalate body) {
        UUID conversationId = ConversationResource.conversationId(id);
        if (body == null || body.kind() == null || !ESCALATIONS.contains(body.kind())) {
            throw new InvalidRequestException("'kind' must be one of " + String.join(", ", ESCALATIONS) + ".");
        }
        String reason = reason(body.reason(), "escalation");
        return answer(workflow.escalate(staff.current(), conversationId, expectedVersion(ifMatch), body.kind(),
                reason));
    }

    @POST
    @Path("/{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Snooze until a time",
            description = "When the time comes it returns to the state it was snoozed from; a patient message wakes"
                    + " it earlier.")
    @APIResponse(responseCode = "200", description = "The updated conversation; ETag is its new version")
    public Uni<RestResponse<ConversationSummary>> snooze(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            WorkflowRequests.Snooze body) {
        UUID conversationId = ConversationResource.conversationId(id);
        Instant until = dateTime("until", body == null ? null : body.until());
        if (!until.isAfter(Instant.now())) {
            throw new InvalidRequestException("'until' is not in the future; pick a later time.");
        }
        return answer(workflow.snooze(staff.current(), conversationId, expectedVersion(ifMatch), until));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve with one of the practice's outcomes (GET /api/outcomes)")
    @APIResponse(responseCode = "200", description = "The updated conversation; ETag is its new version")
    public Uni<RestResponse<ConversationSummary>> resolve(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            WorkflowRequests.Resolve body) {
        UUID conversationId = ConversationResource.conversationId(id);
        if (body == null || body.outcome() == null || body.outcome().length() > MAX_CODE_LENGTH
                || !CODE.matcher(body.outcome()).matches()) {
            throw new InvalidRequestException("'outcome' must be one of the codes listed at /api/outcomes.");
        }
        return answer(workflow.resolve(staff.current(), conversationId, expectedVersion(ifMatch), body.outcome()));
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(summary = "Reopen: back to its owner, or to its queue if it has none",
            description = "An open conversation is left as it is.")
    @APIResponse(responseCode = "200", description = "The updated conversation; ETag is its new version")
    public Uni<RestResponse<ConversationSummary>> reopen(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(workflow.reopen(staff.current(), ConversationResource.conversationId(id), expectedVersion(ifMatch)));
    }

    private Uni<RestResponse<ConversationSummary>> answer(Uni<Summary> changed) {
        return changed.map(summary -> RestResponse.ResponseBuilder.ok(views.summary(summary))
                .header(HttpHeaders.ETAG, ConversationResource.etag(summary.conversation().version))
                .build());
    }

    /** The version the client saw, from {@code If-Match: "7"} (weak or bare accepted); null when any will do. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher version = ENTITY_TAG.matcher(ifMatch.trim());
        if (!version.matches()) {
            throw new InvalidRequestException("If-Match must be the conversation's ETag, for example \"3\".");
        }
        return Long.valueOf(version.group(1));
    }

    static String colleague(String field, String name) {
        if (name == null || name.length() > MAX_NAME_LENGTH || !STAFF_NAME.matcher(name).matches()) {
            throw new InvalidRequestException("'" + field + "' must be a colleague's username or user id.");
        }
        return name;
    }

    static String queue(String code) {
        if (code == null || code.length() > MAX_CODE_LENGTH || !CODE.matcher(code).matches()) {
            throw new InvalidRequestException("'queue' must be a queue code such as north-front-desk.");
        }
        return code;
    }

    /** An ISO-8601 date-time with its offset; anything else names the field and the shape it needs. */
    static Instant dateTime(String field, String value) {
        try {
            return OffsetDateTime.parse(value == null ? "" : value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            throw new InvalidRequestException("'" + field + "' must be an ISO-8601 date-time with its offset, for"
                    + " example 2026-11-23T09:00:00-05:00.");
        }
    }

    private static String reason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("Say why in 'reason'; every " + what + " needs one.");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidRequestException("'reason' has " + reason.length() + " characters; at most "
                    + MAX_REASON_LENGTH + " fit.");
        }
        return reason;
    }
}
