package org.carethread.ingestion.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.carethread.ingestion.service.WebhookRejectedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Answers a refused webhook with RFC 9457 problem details. */
public class WebhookProblems {
    /** Seconds a carrier should wait before retrying while Kafka or the database is away. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectMapper json;

    public WebhookProblems(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response refused(WebhookRejectedException rejected) {
        ProblemDetail problem = switch (rejected.reason()) {
            case UNAUTHORIZED -> problem("webhook-signature", "Webhook signature not valid", 401, rejected);
            case INVALID -> problem("webhook-body", "Webhook body not usable", 400, rejected);
            case UNSUPPORTED_CHANNEL -> problem("channel-not-supported", "Channel not supported yet", 422, rejected);
            case TOO_LARGE -> problem("email-too-large", "E-mail too large", 413, rejected);
            case HARMFUL -> problem("email-refused", "E-mail refused for what it carries", 422, rejected);
            case UNAVAILABLE -> problem("temporarily-unavailable", "Webhook not accepted, retry later", 503, rejected);
        };
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(serialised(problem));
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    private static ProblemDetail problem(String type, String title, int status, WebhookRejectedException rejected) {
        return new ProblemDetail("urn:carethread:problem:" + type, title, status, rejected.getMessage());
    }

    private String serialised(ProblemDetail problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem detail cannot be serialised", e);
        }
    }
}
