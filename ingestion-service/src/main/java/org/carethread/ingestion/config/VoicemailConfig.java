package org.carethread.ingestion.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a caller hears and how long a voicemail may wait ({@code carethread.voicemail.*}). */
@ConfigMapping(prefix = "carethread.voicemail")
public interface VoicemailConfig {

    /**
     * Where Vonage reaches this service ({@code VOICEMAIL_PUBLIC_URL}, e.g. {@code https://carethread.example.org}):
     * the recording and transcription webhooks named in the answer are under it.
     */
    String publicUrl();

    /** The greeting of a practice number without its own. */
    String defaultGreeting();

    /** A practice's own greeting, by the practice number called (E.164 without '+'), e.g. {@code greetings.15550001001}. */
    Map<String, String> greetings();

    /** Longest recording, in seconds (Vonage allows 3 to 7200). */
    @WithDefault("180")
    int maxRecordingSeconds();

    /** Seconds of silence that end the recording (Vonage allows 3 to 10). */
    @WithDefault("5")
    int endOnSilenceSeconds();

    /** Largest recording fetched; a bigger one is refused rather than held in memory. */
    @WithDefault("20971520")
    int maxRecordingBytes();

    /** How long a recording waits for its transcript before it is published without one. */
    Duration transcriptTimeout();

    /** How long an answered call may go without a recording before it is forgotten (the caller hung up). */
    Duration unrecordedCallExpiry();

    /** How often {@code VoicemailSweeper} looks for overdue transcripts and unrecorded calls. */
    Duration sweepInterval();
}
