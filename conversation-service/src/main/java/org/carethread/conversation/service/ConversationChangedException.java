package org.carethread.conversation.service;

/** The client acted on a version of the conversation that someone else has changed since (If-Match mismatch). */
public class ConversationChangedException extends RuntimeException {
    private final long currentVersion;

    public ConversationChangedException(long currentVersion) {
        super("conversation changed since the client read it", null, false, false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
