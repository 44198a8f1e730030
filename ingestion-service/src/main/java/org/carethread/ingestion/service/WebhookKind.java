package org.carethread.ingestion.service;

/** Which carrier webhook a request is: its metric tag and the first part of its de-duplication kind. */
public enum WebhookKind {
    INBOUND("inbound"),
    /** A patient's e-mail, from the inbound-mail webhook or the practice mailbox. */
    EMAIL("email"),
    STATUS("status");

    private final String tag;

    WebhookKind(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
