package org.carethread.ingestion.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.config.VoicemailConfig;

import com.vonage.client.voice.TextToSpeechLanguage;
import com.vonage.client.voice.ncco.EventMethod;
import com.vonage.client.voice.ncco.Language;
import com.vonage.client.voice.ncco.Ncco;
import com.vonage.client.voice.ncco.RecordAction;
import com.vonage.client.voice.ncco.RecordingFormat;
import com.vonage.client.voice.ncco.TalkAction;
import com.vonage.client.voice.ncco.TranscriptionSettings;

/**
 * What a caller hears: the called practice's greeting, a tone, and then Vonage records until silence, '#' or the
 * time limit, and transcribes it. The recording and the transcript come back to this service's webhooks.
 */
@ApplicationScoped
public class VoicemailGreeting {
    public static final String RECORDING_PATH = "/webhooks/vonage/voice/recording";
    public static final String TRANSCRIPTION_PATH = "/webhooks/vonage/voice/transcription";
    static final String THANKS = "Thank you. Your message has been passed to the practice. Goodbye.";

    private final VoicemailConfig config;

    public VoicemailGreeting(VoicemailConfig config) {
        this.config = config;
    }

    /** The NCCO (JSON array of call actions) that answers a call to this practice number. */
    public String ncco(String practiceNumber) {
        String base = config.publicUrl().replaceAll("/+$", "");
        RecordAction record = RecordAction.builder()
                .format(RecordingFormat.MP3)
                .beepStart(true)
                .endOnSilence(config.endOnSilenceSeconds())
                .endOnKey('#')
                .timeOut(config.maxRecordingSeconds())
                .eventUrl(base + RECORDING_PATH)
                .eventMethod(EventMethod.POST)
                .transcription(TranscriptionSettings.builder()
                        .eventUrl(base + TRANSCRIPTION_PATH)
                        .eventMethod(EventMethod.POST)
                        .language(Language.ENGLISH_UNITED_STATES)
                        .build())
                .build();
        return new Ncco(talk(greetingFor(practiceNumber)), record, talk(THANKS)).toJson();
    }

    String greetingFor(String practiceNumber) {
        return config.greetings().getOrDefault(practiceNumber, config.defaultGreeting());
    }

    private static TalkAction talk(String text) {
        return TalkAction.builder(text).language(TextToSpeechLanguage.AMERICAN_ENGLISH).build();
    }
}
