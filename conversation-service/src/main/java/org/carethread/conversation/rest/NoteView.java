package org.carethread.conversation.rest;

import java.time.Instant;
import java.util.List;

/** An internal note as staff read it, with the colleagues it mentions. Never sent to the patient. */
public record NoteView(String id, String authorId, String authorName, String text, List<String> mentions,
        Instant at) {
}
