package org.carethread.ingestion.rest;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.ingestion.service.EmailIntake;
import org.carethread.ingestion.service.EmailSignatureVerifier;
import org.carethread.ingestion.service.WebhookKind;
import org.carethread.ingestion.service.WebhookMetrics;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * The inbound-mail webhook: a provider (or the practice's own mail server) posts each e-mail a patient sent to a
 * practice mailbox as raw MIME, and the mail systems' reports on the e-mails the practice sent. The body is taken
 * as the exact bytes sent, because the signature covers them.
 */
@Path("/webhooks/email")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "E-mail webhook", description = "Raw e-mails from an inbound-mail provider; signed with the e-mail webhook secret")
@APIResponse(responseCode = "400", description = "not a readable e-mail: malformed MIME, missing headers, wrong or unknown character set",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "401", description = "missing, forged, altered or stale signature",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "413", description = "e-mail, text or number of attachments over the limits",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "422", description = "refused for what it carries (an archive that expands hugely)",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "503", description = "Kafka or the database unavailable; nothing accepted, retry",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class EmailWebhookResource {
    public static final String RFC822 = "message/rfc822";

    private final EmailSignatureVerifier signatures;
    private final EmailIntake emails;
    private final WebhookMetrics metrics;

    public EmailWebhookResource(EmailSignatureVerifier signatures, EmailIntake emails, WebhookMetrics metrics) {
        this.signatures = signatures;
        this.emails = emails;
        this.metrics = metrics;
    }

    @POST
    @Path("/inbound")
    @Consumes(RFC822)
    @Operation(summary = "A patient's e-mail arrived",
            description = "Publishes a MessageReceived event (channel email) on inbound.messages and answers 200 once"
                    + " Kafka has it; the same Message-ID again is answered 'duplicate'. A mail system's report on an"
                    + " e-mail the practice sent (a bounce, delay, delivery or read notification) publishes a"
                    + " DeliveryReceipt (channel email) on inbound.receipts instead.")
    @RequestBody(required = true, content = @Content(mediaType = RFC822))
    @APIResponse(responseCode = "200", description = "accepted, or a duplicate of an accepted e-mail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    public Uni<WebhookAnswer> inbound(@HeaderParam(EmailSignatureVerifier.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(EmailSignatureVerifier.SIGNATURE_HEADER) String signature, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        return metrics.counted(WebhookKind.EMAIL, Uni.createFrom().deferred(() -> {
            signatures.verify(timestamp, signature, raw);
            return emails.accept(raw, Instant.now());
        })).map(WebhookAnswer::of);
    }
}
