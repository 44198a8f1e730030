package org.carethread.conversation.rest;

import java.time.Instant;

/** A template as one of its versions said it. */
public record TemplateVersionView(int version, String name, String category, String body, Instant changedAt,
        String changedBy) {
}
