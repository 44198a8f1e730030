package org.carethread.conversation.rest;

/**
 * An outcome a conversation can be resolved with: the code to send, the label to show, its place in the list, and
 * whether it is still offered (a retired one stays on the conversations resolved with it).
 */
public record OutcomeView(String code, String label, int position, boolean active) {
}
