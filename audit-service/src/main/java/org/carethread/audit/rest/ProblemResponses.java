package org.carethread.audit.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error at the REST edge as RFC 9457 problem details ({@code application/problem+json}). */
public class ProblemResponses {
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:carethread:problem:";
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
        return problem(400, "invalid-query", "Invalid query parameter", e.getMessage(), uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(401, "unauthenticated", "Sign-in required",
                "Send a valid staff access token from Keycloak as 'Authorization: Bearer <token>'.", uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Not allowed",
                "The audit log is open to compliance officers (search, readers, export and verify) and supervisors "
                        + "(search and readers) only.",
                uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        return problem(status, "http-" + status, title, "Check the request's path, method and headers.", uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "audit request %s failed", uri.getPath());
        return problem(500, "internal", "The audit log could not answer",
                "Try again shortly; if it keeps failing, ask an operator to check the audit service.", uri);
    }

    private Response problem(int status, String type, String title, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", uri.getPath());
        try {
            return Response.status(status).type(PROBLEM_JSON).entity(json.writeValueAsString(body)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a problem of plain strings always serialises", impossible);
        }
    }
}
