package org.carethread.conversation.service;

/** A colleague already owns the conversation, so it cannot be claimed. */
public class ConversationHeldException extends RuntimeException {
    private final String holder;

    public ConversationHeldException(String holder) {
        super("conversation is held by a colleague", null, false, false);
        this.holder = holder;
    }

    /** The owner's username (staff identity, not PHI), so the caller knows whom to ask. */
    public String holder() {
        return holder;
    }
}
