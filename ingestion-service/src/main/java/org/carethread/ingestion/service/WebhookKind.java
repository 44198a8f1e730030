package org.carethread.ingestion.service;

/** Which carrier webhook a request is: its metric tag and the first part of its de-duplication kind. */
public enum WebhookKind {
    INBOUND("inbound"),
    /** A patient's e-mail, from the inbound-mail webhook or the practice mailbox. */
    EMAIL("email"),
    STATUS("status"),
    /** Vonage Voice asking how to answer a call to a practice number. */
    CALL("call"),
    /** Vonage Voice saying a caller's message was recorded. */
    RECORDING("recording"),
    /** Vonage Voice saying a recording was transcribed. */
    TRANSCRIPTION("transcription"),
    /** A voicemail published: its transcript and recording, known by the recording's id. */
    VOICEMAIL("voicemail");

    private final String tag;

    WebhookKind(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
