package org.carethread.conversation.rest;

import java.time.Instant;

/** A colleague mentioned the caller in a note. No note text: opening the conversation (an audited read) shows it. */
public record MentionView(String id, String conversationId, String noteId, String locationCode, String mentionedBy,
        Instant at, Instant seenAt) {
}
