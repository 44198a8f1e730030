package org.carethread.ingestion.rest;

import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.carethread.ingestion.service.VoicemailIntake;
import org.carethread.ingestion.service.VonageSignatureVerifier;
import org.carethread.ingestion.service.WebhookKind;
import org.carethread.ingestion.service.WebhookMetrics;
import org.carethread.ingestion.service.WebhookOutcome;
import org.carethread.ingestion.service.WebhookRejectedException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * Vonage Voice webhooks of the practice numbers' voicemail: the answer (an NCCO that greets and records), then the
 * recording and the transcription events. Each is signature-checked like the Messages API webhooks.
 */
@Path("/webhooks/vonage/voice")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vonage Voice webhooks", description = "Voicemail: answer, recording and transcription; signed with the Vonage signature secret")
@APIResponse(responseCode = "400", description = "body unusable, or an event of a call not answered here",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "401", description = "missing, forged, altered or stale signature",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "503", description = "Kafka, the database or Vonage's files unavailable, or the"
        + " transcript came before its recording; nothing accepted, retry",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class VonageVoiceResource {
    private final VonageSignatureVerifier signatures;
    private final VonageWebhookBodies bodies;
    private final VoicemailIntake voicemails;
    private final WebhookMetrics metrics;

    public VonageVoiceResource(VonageSignatureVerifier signatures, VonageWebhookBodies bodies,
            VoicemailIntake voicemails, WebhookMetrics metrics) {
        this.signatures = signatures;
        this.bodies = bodies;
        this.voicemails = voicemails;
        this.metrics = metrics;
    }

    @GET
    @Path("/answer")
    @Operation(summary = "A call to a practice number (answer_method GET)",
            description = "Keeps the call and answers with the NCCO: the practice's greeting, then a recording with"
                    + " transcription whose events come to /recording and /transcription.")
    @APIResponse(responseCode = "200", description = "the NCCO (a JSON array of call actions)")
    public Uni<String> answer(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("to") String to, @QueryParam("from") String from, @QueryParam("uuid") String uuid,
            @QueryParam("conversation_uuid") String conversationUuid) {
        return answered(() -> {
            signatures.verify(authorization, "");
            return bodies.callAnswer(new VonageCallAnswer(to, from, uuid, conversationUuid));
        });
    }

    @POST
    @Path("/answer")
    @Operation(summary = "A call to a practice number (answer_method POST)", description = "As the GET.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VonageCallAnswer.class)))
    @APIResponse(responseCode = "200", description = "the NCCO (a JSON array of call actions)")
    public Uni<String> answer(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        String raw = body == null ? "" : body;
        return answered(() -> {
            signatures.verify(authorization, raw);
            return bodies.callAnswer(raw);
        });
    }

    @POST
    @Path("/recording")
    @Operation(summary = "The caller's message was recorded",
            description = "Fetches the recording through the Vonage SDK and holds it, sealed, for its transcript.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VonageRecording.class)))
    @APIResponse(responseCode = "200", description = "held, or a duplicate of a recording held or published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    public Uni<WebhookAnswer> recording(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        String raw = body == null ? "" : body;
        return counted(WebhookKind.RECORDING, () -> {
            signatures.verify(authorization, raw);
            return voicemails.recorded(bodies.recording(raw));
        });
    }

    @POST
    @Path("/transcription")
    @Operation(summary = "The recording was transcribed",
            description = "Fetches the transcript and publishes the voicemail (MessageReceived, channel voicemail,"
                    + " with the recording as MediaReceived pieces); answers 200 once Kafka has it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VonageTranscription.class)))
    @APIResponse(responseCode = "200", description = "published, or a duplicate of a published voicemail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    public Uni<WebhookAnswer> transcription(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body) {
        String raw = body == null ? "" : body;
        return counted(WebhookKind.TRANSCRIPTION, () -> {
            signatures.verify(authorization, raw);
            return voicemails.transcribed(bodies.transcription(raw));
        });
    }

    private Uni<String> answered(Supplier<VonageCallAnswer> verifiedCall) {
        return Uni.createFrom().deferred(() -> voicemails.answer(verifiedCall.get()))
                .invoke(ncco -> metrics.count(WebhookKind.CALL, WebhookOutcome.ACCEPTED))
                .onFailure(WebhookRejectedException.class)
                .invoke(rejected -> metrics.count(WebhookKind.CALL, ((WebhookRejectedException) rejected).outcome()));
    }

    private Uni<WebhookAnswer> counted(WebhookKind kind, Supplier<Uni<WebhookOutcome>> handling) {
        return metrics.counted(kind, Uni.createFrom().deferred(handling::get)).map(WebhookAnswer::of);
    }
}
