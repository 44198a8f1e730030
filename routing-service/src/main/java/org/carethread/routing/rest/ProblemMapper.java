package org.carethread.routing.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure at the HTTP edge into problem details; internals and data never leak into the answer. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response refused(ProblemException refused) {
        return answer(refused.problem());
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException failure) {
        Response.StatusType status = failure.getResponse().getStatusInfo();
        return answer(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                "The request could not be served as sent (" + status.getReasonPhrase() + ")."));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception failure) {
        // The class name is enough to find the fault; a message could carry data.
        LOG.errorf("request failed: %s", failure.getClass().getName());
        return answer(new Problem("about:blank", "Internal Server Error", 500,
                "The routing service failed to answer. Try again; if it persists, tell the operators."));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
