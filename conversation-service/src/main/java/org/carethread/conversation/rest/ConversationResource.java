package org.carethread.conversation.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carethread.conversation.config.ConversationConfig;
import org.carethread.conversation.mapping.ConversationViews;
import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.service.ConversationNotFoundException;
import org.carethread.conversation.service.ConversationSearch;
import org.carethread.conversation.service.ConversationService;
import org.carethread.conversation.service.ConversationWorkflow;
import org.carethread.conversation.service.ReplyNotFoundException;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The staff API for conversations, reached through the gateway at {@code /api/conversations}. */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN, StaffRoles.COMPLIANCE_OFFICER })
@Tag(name = "Conversations")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "No staff role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConversationResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int DEFAULT_LIST_SIZE = 50;
    /** Deeper than this, narrow the search instead of paging on. */
    private static final int MAX_OFFSET = 10_000;
    private static final int IDEMPOTENCY_KEY_MAX_LENGTH = 100;
    private static final String VIEW_MINE = "mine";
    private static final String VIEW_AGING = "aging";
    /** Routing's triage vocabulary (RoutingDecided), the values the list filters accept. */
    static final List<String> URGENCIES = List.of("emergency", "urgent", "routine");
    static final List<String> CATEGORIES = List.of("scheduling", "cancellation", "refill", "billing", "test-results",
            "records-forms", "clinical-question", "general");

    private final ConversationService conversations;
    private final ConversationViews views;
    private final SignedInStaff staff;
    private final ConversationConfig config;
    private final ConversationWorkflow workflow;
    private final ConversationSearch search;

    public ConversationResource(ConversationService conversations, ConversationViews views, SignedInStaff staff,
            ConversationConfig config, ConversationWorkflow workflow, ConversationSearch search) {
        this.workflow = workflow;
        this.search = search;
        this.conversations = conversations;
        this.views = views;
        this.staff = staff;
        this.config = config;
    }

    @GET
    @Operation(summary = "The caller's conversations, critical first, then high, normal, low; newest activity first",
            description = "Only conversations at the caller's locations. Patient addresses are masked. 'view' picks a"
                    + " work list; 'status', 'urgency' and 'category' narrow it (all may be combined). A resolved"
                    + " conversation sorts by its activity alone.")
    @APIResponse(responseCode = "200", description = "The conversations")
    @APIResponse(responseCode = "400", description = "Unknown view, status, urgency or category, or limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ConversationSummary>> list(
            @Parameter(description = "mine (owned by the caller, not resolved), unassigned, aging (approaching or past"
                    + " its response target, most overdue first), awaiting-patient, snoozed or resolved; all when"
                    + " absent") @QueryParam("view") String view,
            @Parameter(description = "unassigned, assigned, awaiting-patient, snoozed or resolved; all when absent")
            @QueryParam("status") String status,
            @Parameter(description = "emergency, urgent or routine: the urgency of the latest patient message; all"
                    + " when absent") @QueryParam("urgency") String urgency,
            @Parameter(description = "the triage category of the latest patient message (scheduling, cancellation,"
                    + " refill, billing, test-results, records-forms, clinical-question, general); all when absent")
            @QueryParam("category") String category,
            @Parameter(description = "one queue's code, e.g. north-front-desk; all the caller sees when absent")
            @QueryParam("queue") String queue,
            @Parameter(description = "how many to return (default 50)") @QueryParam("limit") Integer limit) {
        List<String> statuses = view == null ? null : switch (view) {
            case VIEW_MINE -> Conversation.STATUSES.stream().filter(s -> !s.equals(Conversation.RESOLVED)).toList();
            case Conversation.UNASSIGNED, Conversation.AWAITING_PATIENT, Conversation.SNOOZED, Conversation.RESOLVED ->
                List.of(view);
            case VIEW_AGING -> List.of(Conversation.UNASSIGNED, Conversation.ASSIGNED);
            default -> throw new InvalidRequestException("view must be one of mine, unassigned, aging,"
                    + " awaiting-patient, snoozed, resolved, or left out for all.");
        };
        if (status != null) {
            oneOf("status", status, Conversation.STATUSES);
            statuses = statuses == null || statuses.contains(status) ? List.of(status) : List.of();
        }
        if (urgency != null) {
            oneOf("urgency", urgency, URGENCIES);
        }
        if (category != null) {
            oneOf("category", category, CATEGORIES);
        }
        if (queue != null) {
            ConversationActionResource.queue(queue);
        }
        int size = pageSize(limit);
        if (statuses != null && statuses.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return conversations.list(staff.current(), statuses, VIEW_MINE.equals(view), VIEW_AGING.equals(view), urgency,
                category, queue, size)
                .map(summaries -> summaries.stream().map(views::summary).toList());
    }

    /**
     * A queue the caller may see and what waits there, for the inbox's queue list and for moving work to a queue.
     *
     * @param open       conversations not resolved
     * @param unassigned of those, waiting for an owner
     * @param urgent     of those, with an emergency or urgent latest message
     * @param overdue    of those, past their response target
     */
    public record QueueCount(@Schema(examples = "north-front-desk") String queue,
            @Schema(examples = "north") String locationCode, long open, long unassigned, long urgent, long overdue) {
    }

    @GET
    @Path("/queues")
    @Operation(summary = "The queues the caller may see, with what waits in each",
            description = "Queues at the caller's locations that hold conversations they see, and those set up for their"
                    + " teams, even when empty. Counts cover conversations not resolved. Carries no PHI.")
    @APIResponse(responseCode = "200", description = "The queues, by location and code")
    public Uni<List<QueueCount>> queues() {
        return conversations.queues(staff.current()).map(loads -> loads.stream()
                .map(load -> new QueueCount(load.queueCode(), load.locationCode(), load.open(), load.unassigned(),
                        load.urgent(), load.overdue()))
                .toList());
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search conversations by patient, status, queue, owner, triage, last activity and words"
            + " (audited)",
            description = "A POST, because what staff search by (a phone number, a patient's words) must stay out of"
                    + " URLs and access logs. Only conversations at the caller's locations, in the inbox's order"
                    + " (critical first, then newest activity) and shape (patient addresses masked). Every criterion"
                    + " given must match; 'words' must each occur in some message, the patient's or the practice's,"
                    + " and are matched through keyed blind indexes, never stored in clear. Every search is recorded"
                    + " as a PHI access (action conversation.search): one record per conversation returned, or one"
                    + " without a conversation when none matched; if it cannot be recorded, the search fails. The"
                    + " search terms are never recorded.")
    @APIResponse(responseCode = "200", description = "The matching conversations, a page of them")
    @APIResponse(responseCode = "400", description = "Nothing to search by; unknown status, category or priority;"
            + " malformed date, phone or e-mail; both phone and email; too many words or a word too long; limit or"
            + " offset out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ConversationSummary>> search(SearchRequest body, @Context HttpServerRequest request) {
        var criteria = SearchCriteria.of(body, config.searchMaxWords());
        int size = pageSize(body.limit());
        int offset = body.offset() == null ? 0 : body.offset();
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidRequestException("offset must be between 0 and " + MAX_OFFSET
                    + "; to look further, narrow the search.");
        }
        return search.search(staff.current(), criteria, size, offset, clientAddress(request))
                .map(found -> found.stream().map(views::summary).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A conversation with its messages in clear, and why it is here (audited)",
            description = "Every successful read is recorded as a PHI access on the audit log; if it cannot be"
                    + " recorded, the read fails. 'routing' is routing's decision on the latest patient message,"
                    + " with the triage reasons in clear. The ETag is the conversation's version, for If-Match on"
                    + " actions.")
    @APIResponse(responseCode = "200", description = "The conversation, messages oldest first")
    @APIResponse(responseCode = "404", description = "No such conversation at the caller's locations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ConversationDetail>> read(@PathParam("id") String id, @Context HttpServerRequest request) {
        return conversations.read(staff.current(), conversationId(id), clientAddress(request))
                .map(read -> RestResponse.ResponseBuilder.ok(views.detail(read))
                        .header(HttpHeaders.ETAG, etag(read.conversation().version))
                        .build());
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the conversation, oldest first: who, when, what and why (audited)",
            description = "Reasons are free text that may hold PHI, so every read is recorded as a PHI access.")
    @APIResponse(responseCode = "200", description = "The changes, oldest first")
    @APIResponse(responseCode = "404", description = "No such conversation at the caller's locations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ChangeView>> history(@PathParam("id") String id, @Context HttpServerRequest request) {
        return workflow.history(staff.current(), conversationId(id), clientAddress(request))
                .map(changes -> changes.stream().map(views::change).toList());
    }

    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a reply to the patient, in your words or from a template",
            description = "Queues the reply for delivery on the conversation's channel. With 'templateId', CareThread"
                    + " fills the template's variables (the patient's and your first name, the location's name and"
                    + " phone) and takes the entered ones from 'values'; a variable without a value refuses the reply"
                    + " (422) and nothing is sent. With an Idempotency-Key, a repeated request returns the first reply"
                    + " and sends nothing more. With If-Match, the reply is refused (412) if anyone changed the"
                    + " conversation since the caller saw it, e.g. a colleague answered first.")
    @APIResponse(responseCode = "202", description = "Queued; Location points at its delivery status")
    @APIResponse(responseCode = "400", description = "Text missing, blank or too long; both or neither of text and"
            + " templateId; unknown entered variable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such conversation at the caller's locations, or template",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The conversation is resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since the version sent in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A template variable has no value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reply(@PathParam("id") String id,
            @Parameter(description = "client-chosen key that makes retries safe") @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ConversationActionResource.IF_MATCH_DESCRIPTION)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ReplyRequest body) {
        UUID conversationId = conversationId(id);
        if (body != null && body.sendAt() != null) {
            throw new InvalidRequestException("To send it later, post it to /api/conversations/" + conversationId
                    + "/scheduled-replies.");
        }
        var draft = ReplyDrafts.of(body, config.replyMaxLength(), staff.givenName());
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_MAX_LENGTH)) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY + " must be 1 to " + IDEMPOTENCY_KEY_MAX_LENGTH
                    + " characters, for example a UUID.");
        }
        return conversations.reply(staff.current(), conversationId, draft, idempotencyKey,
                ConversationActionResource.expectedVersion(ifMatch))
                .map(reply -> Response.accepted(views.replyStatus(reply.message()))
                        .location(URI.create("/api/conversations/" + conversationId + "/replies/" + reply.message().id))
                        .build());
    }

    @GET
    @Path("/{id}/replies/{replyId}")
    @Operation(summary = "Delivery status of a reply", description = "No message text, so not an audited read.")
    @APIResponse(responseCode = "200", description = "Where the reply stands")
    @APIResponse(responseCode = "404", description = "No such reply in a conversation the caller can see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReplyStatus> replyStatus(@PathParam("id") String id, @PathParam("replyId") String replyId) {
        UUID reply = parse(replyId);
        if (reply == null) {
            throw new ReplyNotFoundException();
        }
        return conversations.replyStatus(staff.current(), conversationId(id), reply).map(views::replyStatus);
    }

    /** How many conversations a list or search page holds: as asked, within the configured limit. */
    private int pageSize(Integer limit) {
        int size = limit == null ? Math.min(DEFAULT_LIST_SIZE, config.listLimit()) : limit;
        if (size < 1 || size > config.listLimit()) {
            throw new InvalidRequestException("limit must be between 1 and " + config.listLimit() + ".");
        }
        return size;
    }

    /** The value if it is one of those known; otherwise a 400 that lists them. */
    static String oneOf(String field, String value, List<String> known) {
        if (!known.contains(value)) {
            throw new InvalidRequestException(field + " must be one of " + String.join(", ", known)
                    + ", or left out for all.");
        }
        return value;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A malformed id cannot name a conversation, so it is answered like any unknown one. */
    static UUID conversationId(String id) {
        UUID parsed = parse(id);
        if (parsed == null) {
            throw new ConversationNotFoundException();
        }
        return parsed;
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /** The gateway puts the browser's address first in X-Forwarded-For; without a gateway, the peer is the client. */
    static String clientAddress(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",", 2)[0].trim();
        }
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
