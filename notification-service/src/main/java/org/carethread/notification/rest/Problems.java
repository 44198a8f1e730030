package org.carethread.notification.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** RFC 9457 problem details for every error this service answers with. */
public class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(Problems.class);

    /** The body of an error answer. */
    public record Problem(String type, String title, int status, String detail) {
    }

    public static final class UnknownOutbound extends RuntimeException {
        public UnknownOutbound(String outboundId) {
            super("no outbound message " + outboundId);
        }
    }

    public static final class InvalidOutboundId extends RuntimeException {
        public InvalidOutboundId() {
            super("invalid outbound id");
        }
    }

    public static final class InvalidPatientRef extends RuntimeException {
        public InvalidPatientRef() {
            super("invalid patient reference");
        }
    }

    @ServerExceptionMapper
    public Response unknownOutbound(UnknownOutbound e) {
        return answer(404, "outbound-not-found", "Outbound message not found",
                "No message was requested under this id. Check the id, or wait: a request just sent may still be on its way.");
    }

    @ServerExceptionMapper
    public Response invalidOutboundId(InvalidOutboundId e) {
        return answer(400, "invalid-outbound-id", "Not an outbound id",
                "An outbound id has 1 to 64 letters, digits, '.', '_', ':' or '-'.");
    }

    @ServerExceptionMapper
    public Response invalidPatientRef(InvalidPatientRef e) {
        return answer(400, "invalid-patient-ref", "Not a patient reference",
                "A patient reference is the blind index of the patient's number (20 to 100 URL-safe Base64"
                        + " characters), never the number itself.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Request not handled"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return answer(status, "http-" + status, title, "The request was not handled: " + title.toLowerCase() + ".");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // Only the class: a message could carry data from the database.
        LOG.errorf("request failed: %s", e.getClass().getName());
        return answer(500, "internal-error", "Internal error",
                "The service could not answer. Try again; if it persists, tell the operators the time of the request.");
    }

    private static Response answer(int status, String slug, String title, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("urn:carethread:problem:" + slug, title, status, detail))
                .build();
    }
}
