package org.carethread.conversation.rest;

/** The patient as staff see them: the address they write from (masked in lists, in full in the detail read). */
public record PatientView(String address) {
}
