package org.carethread.ingestion.service;

/** Which carrier webhook a request is: its metric tag and the first part of its de-duplication kind. */
public enum WebhookKind {
    INBOUND("inbound"),
    STATUS("status");

    private final String tag;

    WebhookKind(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
