package org.carethread.audit.rest;

/** A query parameter the search cannot use; the message tells the caller how to fix it and holds no PHI. */
public class InvalidQueryException extends RuntimeException {
    public InvalidQueryException(String detail) {
        super(detail);
    }
}
