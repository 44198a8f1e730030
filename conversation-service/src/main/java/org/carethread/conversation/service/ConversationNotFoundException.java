package org.carethread.conversation.service;

/**
 * The conversation does not exist or lies outside the caller's locations; the two are deliberately the same answer so
 * nobody learns that a conversation exists elsewhere.
 */
public class ConversationNotFoundException extends RuntimeException {
    public ConversationNotFoundException() {
        super("conversation not found", null, false, false);
    }
}
