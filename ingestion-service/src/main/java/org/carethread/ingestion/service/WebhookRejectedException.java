package org.carethread.ingestion.service;

/**
 * A webhook the service will not accept, with a reason the REST edge turns into a problem answer. The detail never
 * contains anything from the body: it may be PHI.
 */
public class WebhookRejectedException extends RuntimeException {

    public enum Reason {
        UNAUTHORIZED(WebhookOutcome.UNAUTHORIZED),
        INVALID(WebhookOutcome.INVALID),
        UNSUPPORTED_CHANNEL(WebhookOutcome.INVALID),
        /** An e-mail over the configured limits. */
        TOO_LARGE(WebhookOutcome.INVALID),
        /** An e-mail refused for what it carries, such as an archive that expands hugely. */
        HARMFUL(WebhookOutcome.INVALID),
        UNAVAILABLE(WebhookOutcome.UNAVAILABLE);

        private final WebhookOutcome outcome;

        Reason(WebhookOutcome outcome) {
            this.outcome = outcome;
        }
    }

    private final Reason reason;

    public WebhookRejectedException(Reason reason, String detail) {
        // An expected answer to the caller, not a fault: no stack trace to fill.
        super(detail, null, false, false);
        this.reason = reason;
    }

    public static WebhookRejectedException unauthorized(String detail) {
        return new WebhookRejectedException(Reason.UNAUTHORIZED, detail);
    }

    public static WebhookRejectedException invalid(String detail) {
        return new WebhookRejectedException(Reason.INVALID, detail);
    }

    public Reason reason() {
        return reason;
    }

    public WebhookOutcome outcome() {
        return reason.outcome;
    }
}
