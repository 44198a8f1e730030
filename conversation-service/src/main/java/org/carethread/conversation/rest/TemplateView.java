package org.carethread.conversation.rest;

import java.time.Instant;
import java.util.List;

/** A reply template: its current words, the variables they use, and how often staff answered with it. */
public record TemplateView(String id, String name, String category, String body, List<String> variables, int version,
        boolean active, long usageCount, Instant lastUsedAt, Instant updatedAt, String updatedBy) {
}
