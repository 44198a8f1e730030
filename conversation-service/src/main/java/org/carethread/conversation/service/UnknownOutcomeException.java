package org.carethread.conversation.service;

/** The outcome code is not one of the practice's active outcomes. */
public class UnknownOutcomeException extends RuntimeException {
    public UnknownOutcomeException() {
        super("unknown outcome", null, false, false);
    }
}
