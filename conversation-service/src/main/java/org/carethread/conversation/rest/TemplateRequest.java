package org.carethread.conversation.rest;

/** A template as an admin writes it: a name, a category code, and the words with {{variables}}. */
public record TemplateRequest(String name, String category, String body) {
}
