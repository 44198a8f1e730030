package org.carethread.conversation.rest;

/** An outcome a conversation can be resolved with: the code to send, the label to show. */
public record OutcomeView(String code, String label) {
}
