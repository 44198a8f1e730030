package org.carethread.conversation.service;

/** A reply or a staff action that needs a conversation in progress was asked for on a resolved one. */
public class ConversationResolvedException extends RuntimeException {
    public ConversationResolvedException() {
        super("conversation is resolved", null, false, false);
    }
}
