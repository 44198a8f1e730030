package org.carethread.routing.rest;

/** A request the service refuses, with what the caller can do about it; answered as a {@link Problem}. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(String type, String title, int status, String detail) {
        super(title);
        this.problem = new Problem("urn:carethread:problem:" + type, title, status, detail);
    }

    public Problem problem() {
        return problem;
    }

    static ProblemException unknownLocation(String code) {
        return new ProblemException("unknown-location", "Unknown location", 404,
                "The practice has no location '" + code + "'. GET /locations lists the location codes.");
    }

    static ProblemException badLocationCode() {
        return new ProblemException("bad-location-code", "Malformed location code", 400,
                "A location code is 1 to 50 lower-case letters, digits or dashes, e.g. 'north'.");
    }
}
