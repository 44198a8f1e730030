package org.carethread.routing.rest;

/** RFC 9457 problem details, the body of every error this service answers. */
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
