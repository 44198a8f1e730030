package org.carethread.schemas;

import java.util.List;

/** Kafka topic names. The only channel between services; producers, consumers and tests use these constants. */
public final class Topics {
    /** Patient messages accepted from a carrier webhook (ingestion → routing, notification, audit). */
    public static final String INBOUND_MESSAGES = "inbound.messages";
    /** Files patients sent (photos, documents, voicemail recordings), in sealed pieces (ingestion → conversation, audit). */
    public static final String INBOUND_MEDIA = "inbound.media";
    /** Carrier delivery receipts for messages we sent (ingestion → notification, audit). */
    public static final String INBOUND_RECEIPTS = "inbound.receipts";
    /** Where each inbound message should go (routing → conversation, audit). */
    public static final String ROUTING_DECISIONS = "routing.decisions";
    /** Conversation lifecycle: opened, message added, replied (conversation → audit). */
    public static final String CONVERSATION_EVENTS = "conversation.events";
    /** Messages staff asked to send to a patient (conversation → notification, audit). */
    public static final String OUTBOUND_REQUESTS = "outbound.requests";
    /** Delivery progress of outbound messages (notification → conversation, audit). */
    public static final String OUTBOUND_STATUS = "outbound.status";
    /** Every read of PHI by a staff member (conversation → audit). */
    public static final String AUDIT_ACCESS = "audit.access";
    /** Emergency alerts to the on-call staff member (routing → conversation, audit). */
    public static final String STAFF_ALERTS = "staff.alerts";
    /** Staff linking and unlinking a sender's address to a directory patient (routing → conversation, audit). */
    public static final String PATIENT_LINKS = "patient.links";
    /** Locations' business hours and staff out of office, as routing keeps them (routing → conversation, audit). */
    public static final String PRACTICE_SCHEDULE = "practice.schedule";

    public static final List<String> ALL = List.of(INBOUND_MESSAGES, INBOUND_MEDIA, INBOUND_RECEIPTS, ROUTING_DECISIONS,
            CONVERSATION_EVENTS, OUTBOUND_REQUESTS, OUTBOUND_STATUS, AUDIT_ACCESS, STAFF_ALERTS, PATIENT_LINKS,
            PRACTICE_SCHEDULE);

    private Topics() {
    }

    /** Where a consumer parks an event it could not process after its retries, for operators to see. */
    public static String deadLetter(String topic, String consumer) {
        return topic + "." + consumer + ".dlq";
    }
}
