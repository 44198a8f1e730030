package org.carethread.conversation.rest;

/** A template variable: {@code entered} ones are typed by staff when answering, the others CareThread fills. */
public record VariableView(String code, String description, boolean entered) {
}
