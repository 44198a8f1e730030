package org.carethread.routing.rest;

import java.util.UUID;

import org.carethread.routing.service.InvalidFieldsException;

import io.vertx.core.http.HttpServerRequest;

/** Small checks and readings shared by the staff resources. */
final class Requests {
    private Requests() {
    }

    /** A malformed id names nothing, so the caller's not-found answer is used for it. */
    static UUID id(String value, RuntimeException notFound) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            throw notFound;
        }
    }

    /** An id in a body: a malformed one is a field problem. */
    static UUID bodyId(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldsException(field, "is required.");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidFieldsException(field, "must be an id as the API gives it (a UUID).");
        }
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new ProblemException("missing-body", "The request has no body", 400,
                    "Send the request's JSON in the body; see /q/openapi for its shape.");
        }
        return body;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names: {@code "3"}, {@code W/"3"} or {@code 3}. */
    static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException("if-match-required", "If-Match required", 428,
                    "Send If-Match with the ETag of the patient as you read it, so a colleague's change is not"
                            + " overwritten. GET the patient to get it.");
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException("bad-if-match", "Malformed If-Match", 400,
                    "If-Match must be the ETag the API gave, e.g. \"3\".");
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
