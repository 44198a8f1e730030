package org.carethread.ingestion.rest;

import org.carethread.ingestion.service.WebhookOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 200 answer to a carrier: either case means "stop retrying". */
public record WebhookAnswer(@Schema(enumeration = { "accepted", "duplicate" }) String status) {

    static WebhookAnswer of(WebhookOutcome outcome) {
        return new WebhookAnswer(outcome.tag());
    }
}
