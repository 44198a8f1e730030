package org.carethread.conversation.rest;

/** What staff want to send to the patient. */
public record ReplyRequest(String text) {
}
