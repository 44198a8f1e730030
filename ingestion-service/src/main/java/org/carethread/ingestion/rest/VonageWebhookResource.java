package org.carethread.ingestion.rest;

import java.util.function.Function;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.carethread.ingestion.mapping.VonageEventMapper;
import org.carethread.ingestion.service.CarrierMessageIntake;
import org.carethread.ingestion.service.VonageSignatureVerifier;
import org.carethread.ingestion.service.WebhookIntake;
import org.carethread.ingestion.service.WebhookKind;
import org.carethread.ingestion.service.WebhookMetrics;
import org.carethread.ingestion.service.WebhookOutcome;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * Vonage Messages API webhooks. The body is taken as the exact text Vonage sent, because the signature covers
 * those bytes; it is parsed only after the signature checked out.
 */
@Path("/webhooks/vonage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vonage webhooks", description = "Callbacks from the carrier; signed with the Vonage signature secret")
@APIResponse(responseCode = "400", description = "body unusable",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "401", description = "missing, forged, altered or stale signature",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "422", description = "channel not supported yet",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "503", description = "Kafka or the database unavailable; nothing accepted, retry",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class VonageWebhookResource {
    private final VonageSignatureVerifier signatures;
    private final VonageWebhookBodies bodies;
    private final VonageEventMapper events;
    private final WebhookIntake intake;
    private final WebhookMetrics metrics;
    private final CarrierMessageIntake carrierMessages;

    public VonageWebhookResource(VonageSignatureVerifier signatures, VonageWebhookBodies bodies,
            VonageEventMapper events, WebhookIntake intake, WebhookMetrics metrics,
            CarrierMessageIntake carrierMessages) {
        this.signatures = signatures;
        this.bodies = bodies;
        this.events = events;
        this.intake = intake;
        this.metrics = metrics;
        this.carrierMessages = carrierMessages;
    }

    @POST
    @Path("/inbound")
    @Operation(summary = "A patient's message arrived",
            description = "Publishes a MessageReceived event on inbound.messages and answers 200 once Kafka has it."
                    + " A photo or file (MMS) is fetched from Vonage's media server first and, if kept, published"
                    + " as sealed MediaReceived pieces on inbound.media ahead of the message.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VonageInboundMessage.class)))
    @APIResponse(responseCode = "200", description = "accepted, or a duplicate of an accepted message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    public Uni<WebhookAnswer> inbound(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return handle(WebhookKind.INBOUND, authorization, body,
                raw -> carrierMessages.accept(bodies.inbound(raw)));
    }

    @POST
    @Path("/status")
    @Operation(summary = "A message we sent changed status",
            description = "Publishes a DeliveryReceipt event on inbound.receipts and answers 200 once Kafka has it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VonageMessageStatus.class)))
    @APIResponse(responseCode = "200", description = "accepted, or a duplicate of an accepted status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    public Uni<WebhookAnswer> status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return handle(WebhookKind.STATUS, authorization, body,
                raw -> intake.accept(events.deliveryReceipt(bodies.status(raw))));
    }

    private Uni<WebhookAnswer> handle(WebhookKind kind, String authorization, String body,
            Function<String, Uni<WebhookOutcome>> accept) {
        String raw = body == null ? "" : body;
        return metrics.counted(kind, Uni.createFrom().deferred(() -> {
            signatures.verify(authorization, raw);
            return accept.apply(raw);
        })).map(WebhookAnswer::of);
    }
}
