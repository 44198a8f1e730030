package org.carethread.routing.service;

/**
 * An inbound message that no location can take. It fails the handler so the record lands on the dead-letter topic
 * for operators; the message names the event and the practice number (not PHI), never the patient or the text.
 */
public class UnroutableMessageException extends RuntimeException {

    private UnroutableMessageException(String message) {
        super(message);
    }

    static UnroutableMessageException numberNotOwned(String eventId, String practiceNumber) {
        if (practiceNumber.isEmpty()) {
            return new UnroutableMessageException("message event " + eventId
                    + " names no practice number, so no location can take it");
        }
        String what = practiceNumber.contains("@") ? "a mailbox" : "a number";
        return new UnroutableMessageException("message event " + eventId + " was sent to " + practiceNumber
                + ", " + what + " no location owns; give it to a location, then replay the event");
    }

    static UnroutableMessageException noPatient(String eventId) {
        return new UnroutableMessageException("message event " + eventId
                + " carries no patientRef, so its conversation cannot be found or kept in order");
    }
}
