package org.carethread.conversation.service;

/** The file is named by a message the caller can see, but not all of its pieces have arrived yet. */
public class AttachmentArrivingException extends RuntimeException {
    public AttachmentArrivingException() {
        super("attachment still arriving", null, false, false);
    }
}
