package org.carethread.conversation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document. {@code detail} tells a person what to do next and never carries PHI. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
