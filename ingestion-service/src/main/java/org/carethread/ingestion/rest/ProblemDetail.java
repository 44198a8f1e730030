package org.carethread.ingestion.rest;

/** RFC 9457 problem details, served as {@code application/problem+json}. */
public record ProblemDetail(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
