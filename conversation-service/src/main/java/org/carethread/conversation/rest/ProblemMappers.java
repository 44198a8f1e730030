package org.carethread.conversation.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.carethread.conversation.service.AnswerRefusedException;
import org.carethread.conversation.service.AttachmentArrivingException;
import org.carethread.conversation.service.AttachmentNotFoundException;
import org.carethread.conversation.service.ConversationChangedException;
import org.carethread.conversation.service.ConversationHeldException;
import org.carethread.conversation.service.ConversationNotFoundException;
import org.carethread.conversation.service.QueueNotFoundException;
import org.carethread.conversation.service.BreakGlass;
import org.carethread.conversation.service.LegalHolds;
import org.carethread.conversation.service.ConversationResolvedException;
import org.carethread.conversation.service.ReplyNotFoundException;
import org.carethread.conversation.service.UnknownOutcomeException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error of the staff API as an RFC 9457 problem document. Details never echo request bodies (PHI). */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_PREFIX = "urn:carethread:problem:";

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return problem(400, "invalid-request", "The request is not valid", e.getMessage());
    }

    /** JSON of the wrong shape; replaces the built-in mapper, whose answer is not a problem document. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableBody();
    }

    @ServerExceptionMapper
    public Response answerRefused(AnswerRefusedException e) {
        return problem(e.status(), e.type(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response conversationNotFound(ConversationNotFoundException e) {
        return problem(404, "conversation-not-found", "Conversation not found",
                "There is no conversation with this id among the conversations you can see. Check the link, or go back"
                        + " to the inbox.");
    }

    @ServerExceptionMapper
    public Response attachmentNotFound(AttachmentNotFoundException e) {
        return problem(404, "attachment-not-found", "File not found",
                "There is no kept file with this id in the conversation among those you can see. Open the"
                        + " conversation to see its messages' files.");
    }

    @ServerExceptionMapper
    public Response attachmentArriving(AttachmentArrivingException e) {
        return problem(409, "attachment-arriving", "The file is still arriving",
                "Part of the file has not reached CareThread yet. Try again in a moment.");
    }

    @ServerExceptionMapper
    public Response alreadyInScope(BreakGlass.AlreadyInScopeException e) {
        return problem(409, "break-glass-not-needed", "You can already see this conversation",
                "The conversation is at one of your locations: open it as usual. Break-glass is only for conversations"
                        + " outside them.");
    }

    @ServerExceptionMapper
    public Response legalHoldNotFound(LegalHolds.LegalHoldNotFoundException e) {
        return problem(404, "legal-hold-not-found", "Legal hold not found",
                "There is no legal hold with this id. GET /api/legal-holds?all=true lists them.");
    }

    @ServerExceptionMapper
    public Response queueNotFound(QueueNotFoundException e) {
        return problem(404, "queue-not-found", "Queue not found",
                "There is no such queue at your locations. A queue is set up at the location whose work it holds.");
    }

    @ServerExceptionMapper
    public Response replyNotFound(ReplyNotFoundException e) {
        return problem(404, "reply-not-found", "Reply not found",
                "There is no reply with this id in the conversation. Open the conversation to see its replies.");
    }

    @ServerExceptionMapper
    public Response conversationResolved(ConversationResolvedException e) {
        return problem(409, "conversation-resolved", "Conversation is resolved",
                "This conversation is resolved, so it cannot be answered or worked on. Reopen it first; the patient's"
                        + " next message also reopens it.");
    }

    @ServerExceptionMapper
    public Response conversationHeld(ConversationHeldException e) {
        return problem(409, "conversation-held", "Conversation already claimed",
                e.holder() + " holds this conversation. Ask them to hand it off, or ask a supervisor to reassign it.");
    }

    @ServerExceptionMapper
    public Response conversationChanged(ConversationChangedException e) {
        return Response.fromResponse(problem(412, "conversation-changed", "Conversation has changed",
                "Someone changed this conversation after you loaded it (it is now at version " + e.currentVersion()
                        + "). Reload it, check what changed, and try again."))
                .header(HttpHeaders.ETAG, ConversationResource.etag(e.currentVersion()))
                .build();
    }

    @ServerExceptionMapper
    public Response unknownOutcome(UnknownOutcomeException e) {
        return problem(400, "unknown-outcome", "Unknown outcome",
                "That outcome is not on the practice's list. Pick one of the codes at /api/outcomes.");
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(problem(401, "unauthenticated", "Sign-in required",
                "Send a valid, unexpired staff access token as 'Authorization: Bearer <token>'. Sign in again if"
                        + " yours has expired."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "forbidden", "Not allowed",
                "Your account has no staff role that allows this. Ask your practice administrator for access.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // Quarkus REST wraps a body that is not JSON at all in a 400 WebApplicationException.
        if (e.getCause() instanceof JsonProcessingException) {
            return unreadableBody();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request failed";
        return problem(status, null, title, switch (status) {
            case 404 -> "There is nothing at this address. Check the URL against the API description at /q/openapi.";
            case 405 -> "This address does not accept that HTTP method. See /q/openapi for what it accepts.";
            case 415 -> "Send the body as application/json.";
            case 406 -> "This API answers with application/json.";
            default -> "The request could not be processed. Check it against the API description at /q/openapi.";
        });
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // The type only: a message from deep inside a driver is not guaranteed to be free of patient data.
        LOG.errorf("staff API request failed: %s", e.getClass().getName());
        return problem(500, "internal-error", "Something went wrong",
                "The request could not be completed and nothing was changed. Try again; if it keeps failing, tell your"
                        + " administrator the time it happened.");
    }

    private static Response unreadableBody() {
        return problem(400, "invalid-request", "The request is not valid",
                "The body is not the JSON this endpoint expects. See /q/openapi for its shape.");
    }

    private static Response problem(int status, String type, String title, String detail) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type == null ? "about:blank" : TYPE_PREFIX + type, title, status, detail))
                .build();
    }
}
