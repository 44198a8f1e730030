package org.carethread.conversation.service;

/** The queue is not at one of the caller's locations; the same answer whether it exists elsewhere or not. */
public class QueueNotFoundException extends RuntimeException {
    public QueueNotFoundException() {
        super("queue not found", null, false, false);
    }
}
