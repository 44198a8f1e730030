package org.carethread.conversation.service;

/** No reply with this id in a conversation the caller can see. */
public class ReplyNotFoundException extends RuntimeException {
    public ReplyNotFoundException() {
        super("reply not found", null, false, false);
    }
}
