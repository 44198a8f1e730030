package org.carethread.conversation.service;

/** A reply was asked for on a closed conversation. */
public class ConversationClosedException extends RuntimeException {
    public ConversationClosedException() {
        super("conversation is closed", null, false, false);
    }
}
