package org.carethread.ingestion.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.client.VonageFiles;
import org.carethread.ingestion.config.VoicemailConfig;
import org.carethread.ingestion.mapping.VonageEventMapper;
import org.carethread.ingestion.messaging.CarrierEventPublisher;
import org.carethread.ingestion.repository.AcceptedWebhookRepository;
import org.carethread.ingestion.repository.VoicemailCallRepository;
import org.carethread.ingestion.repository.VoicemailCallRepository.HeldCall;
import org.carethread.ingestion.rest.VonageCallAnswer;
import org.carethread.ingestion.rest.VonageRecording;
import org.carethread.ingestion.rest.VonageTranscription;
import org.carethread.ingestion.service.WebhookRejectedException.Reason;
import org.carethread.schemas.Channels;
import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * A voicemail from answer to publication. The answer keeps the call (the caller's number sealed), because Vonage's
 * later events name only the call; the recording is fetched and held sealed until its transcript comes; then the
 * transcript and the recording go out as one {@code MessageReceived} (with the recording as its file) and the call
 * is forgotten. {@link VoicemailSweeper} publishes a recording whose transcript never comes.
 */
@ApplicationScoped
public class VoicemailIntake {
    /** The text of a voicemail Vonage could not transcribe in time, or at all. */
    public static final String NO_TRANSCRIPT = "Voicemail (no transcript)";
    private static final Logger LOG = Logger.getLogger(VoicemailIntake.class);

    private final Mutiny.SessionFactory sessions;
    private final VoicemailCallRepository calls;
    private final AcceptedWebhookRepository acceptedWebhooks;
    private final VonageFiles files;
    private final AttachmentInspector inspector;
    private final VoicemailTranscript transcripts;
    private final VoicemailGreeting greeting;
    private final VonageEventMapper events;
    private final WebhookIntake intake;
    private final PhiCipher cipher;
    private final BlindIndex blindIndex;
    private final VoicemailConfig config;
    private final Vertx vertx;

    public VoicemailIntake(Mutiny.SessionFactory sessions, VoicemailCallRepository calls,
            AcceptedWebhookRepository acceptedWebhooks, VonageFiles files, AttachmentInspector inspector,
            VoicemailTranscript transcripts, VoicemailGreeting greeting, VonageEventMapper events,
            WebhookIntake intake, PhiCipher cipher, BlindIndex blindIndex, VoicemailConfig config, Vertx vertx) {
        this.sessions = sessions;
        this.calls = calls;
        this.acceptedWebhooks = acceptedWebhooks;
        this.files = files;
        this.inspector = inspector;
        this.transcripts = transcripts;
        this.greeting = greeting;
        this.events = events;
        this.intake = intake;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.config = config;
        this.vertx = vertx;
    }

    /** Keeps the call and answers with the NCCO that greets the caller and records. */
    public Uni<String> answer(VonageCallAnswer call) {
        return WebhookIntake.orRetryLater(WebhookKind.CALL, sessions.withTransaction(session -> calls.answered(
                        session, call.conversationUuid(), cipher.seal(call.from()), blindIndex.ofAddress(call.from()),
                        call.to())))
                .map(kept -> greeting.ncco(call.to()));
    }

    /** Fetches the recording and holds it, sealed, for its transcript; a redelivered event fetches nothing again. */
    public Uni<WebhookOutcome> recorded(VonageRecording recording) {
        return heldCall(recording.conversationUuid(), recording.recordingUuid(), held -> {
            if (held.recorded()) {
                return Uni.createFrom().item(WebhookOutcome.DUPLICATE);
            }
            if (recording.size() != null && recording.size() == 0) {
                // The caller hung up at the tone: there is no message, and nothing of the call is kept.
                return forget(held).replaceWith(WebhookOutcome.ACCEPTED);
            }
            return WebhookIntake.orRetryLater(WebhookKind.RECORDING,
                    vertx.executeBlocking(Uni.createFrom().item(() -> fetchRecording(recording)))
                            .chain(kept -> sessions.withTransaction(session -> calls.recorded(session,
                                    held.conversationUuid(), recording.recordingUuid(),
                                    kept.map(ReceivedAudio::contentType).orElse(null),
                                    kept.map(audio -> cipher.sealBytes(audio.contents())).orElse(null),
                                    config.transcriptTimeout()))))
                    .map(stored -> stored ? WebhookOutcome.ACCEPTED : WebhookOutcome.DUPLICATE);
        });
    }

    /** Fetches the transcript and publishes the voicemail; answered only once Kafka has it. */
    public Uni<WebhookOutcome> transcribed(VonageTranscription transcription) {
        return heldCall(transcription.conversationUuid(), transcription.recordingUuid(), held -> {
            if (!held.recorded()) {
                throw new WebhookRejectedException(Reason.UNAVAILABLE, "The recording of this call has not come"
                        + " yet; retry once it has.");
            }
            if (!held.recordingUuid().equals(transcription.recordingUuid())) {
                throw WebhookRejectedException.invalid("The transcription is of another recording than this"
                        + " call's.");
            }
            if (!"completed".equals(transcription.status())) {
                return publish(held, null);
            }
            return WebhookIntake.orRetryLater(WebhookKind.TRANSCRIPTION,
                            vertx.executeBlocking(Uni.createFrom().item(() -> transcripts.textOf(
                                    files.download(transcription.transcriptionUrl(), "transcription_url")))))
                    .chain(text -> publish(held, text));
        });
    }

    /**
     * Publishes the voicemail through the accept-once intake (a second publication of the same recording is a
     * duplicate, whoever tries it), then forgets the call: Kafka holds the recording from here.
     */
    Uni<WebhookOutcome> publish(HeldCall held, String transcript) {
        ReceivedFile recording = held.sealedRecording() == null ? null
                : new ReceivedFile(CarrierEventPublisher.mediaIdOf(
                        CarrierEventPublisher.eventIdOf(Channels.VOICEMAIL, held.recordingUuid()), 0),
                        held.recordingType(), cipher.openBytes(held.sealedRecording()));
        String text = transcript == null ? NO_TRANSCRIPT : transcript;
        return intake.accept(events.voicemail(held, text, recording),
                        recording == null ? List.of() : List.of(recording))
                .call(outcome -> forget(held));
    }

    /** Calls that never brought a recording are forgotten: the caller hung up before the tone. */
    Uni<Integer> forgetUnrecorded() {
        return sessions.withTransaction(session -> calls.forgetUnrecorded(session, config.unrecordedCallExpiry()));
    }

    Uni<List<HeldCall>> transcriptOverdue(int limit) {
        return sessions.withSession(session -> calls.transcriptOverdue(session, limit));
    }

    private Uni<Void> forget(HeldCall held) {
        return WebhookIntake.orRetryLater(WebhookKind.VOICEMAIL,
                sessions.withTransaction(session -> calls.forget(session, held.conversationUuid())));
    }

    /** The call an event belongs to; see {@link #notHeld}. */
    private Uni<WebhookOutcome> heldCall(String conversationUuid, String recordingUuid,
            Function<HeldCall, Uni<WebhookOutcome>> then) {
        return WebhookIntake.orRetryLater(WebhookKind.VOICEMAIL,
                        sessions.withSession(session -> calls.find(session, conversationUuid)))
                .chain(held -> held.isPresent() ? then.apply(held.get()) : notHeld(recordingUuid));
    }

    /** A call no longer held whose voicemail is in {@code accepted_webhook} was published: the event is a redelivery. */
    private Uni<WebhookOutcome> notHeld(String recordingUuid) {
        return WebhookIntake.orRetryLater(WebhookKind.VOICEMAIL, sessions.withSession(session ->
                        acceptedWebhooks.accepted(session, recordingUuid, WebhookKind.VOICEMAIL.tag())))
                .map(published -> {
                    if (!published) {
                        throw WebhookRejectedException.invalid("No call with this 'conversation_uuid' was answered"
                                + " here, or it ended without a message.");
                    }
                    return WebhookOutcome.DUPLICATE;
                });
    }

    /**
     * The recording, if it is one CareThread can keep: within the size limit and audio by its bytes. Otherwise
     * empty, and the voicemail goes out with its transcript only.
     */
    private Optional<ReceivedAudio> fetchRecording(VonageRecording recording) {
        if (recording.size() != null && recording.size() > config.maxRecordingBytes()) {
            LOG.warnf("recording %s not kept: %d bytes, over the limit", recording.recordingUuid(), recording.size());
            return Optional.empty();
        }
        byte[] contents = files.download(recording.recordingUrl(), "recording_url");
        if (contents.length > config.maxRecordingBytes()) {
            LOG.warnf("recording %s not kept: %d bytes, over the limit", recording.recordingUuid(), contents.length);
            return Optional.empty();
        }
        String type = inspector.contentType(contents);
        if (!type.startsWith("audio/")) {
            LOG.warnf("recording %s not kept: its bytes are %s, not audio", recording.recordingUuid(), type);
            return Optional.empty();
        }
        return Optional.of(new ReceivedAudio(type, contents));
    }

    private record ReceivedAudio(String contentType, byte[] contents) {
    }
}
