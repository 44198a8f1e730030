package org.carethread.conversation.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the staff API and the pace of its scheduled work. */
@ConfigMapping(prefix = "carethread.conversation")
public interface ConversationConfig {

    /** Longest reply staff may send; a carrier splits longer SMS into too many parts. */
    @WithDefault("1600")
    int replyMaxLength();

    /** Most conversations one inbox list returns. */
    @WithDefault("200")
    int listLimit();

    /**
     * How often snoozed conversations whose time has come are woken; SnoozeAlarm's schedule reads it by name, and it
     * is declared here so the setting is validated with the others.
     */
    @WithDefault("30s")
    Duration snoozeCheckEvery();

    /** How often replies scheduled for later are sent when their time has come; ScheduledSend reads it by name. */
    @WithDefault("5s")
    Duration scheduledSendCheckEvery();

    /** How often queues with auto-assignment hand out work and return-timers run; AssignmentDesk reads it by name. */
    @WithDefault("5s")
    Duration assignmentCheckEvery();

    /** How often response due times and flags are brought up to date; ResponseClocks reads it by name. */
    @WithDefault("15s")
    Duration clockCheckEvery();

    /**
     * How often messages stored before search existed are looked for and indexed; SearchBackfill reads it by name.
     */
    @WithDefault("60s")
    Duration searchBackfillEvery();

    /** Most words one search may hold; every one must match, so more only narrow further at more cost. */
    @WithDefault("10")
    int searchMaxWords();

    /** How long a break-glass grant lets a staff member read a conversation outside their locations. */
    @WithDefault("30")
    int breakGlassMinutes();

    /** How long a resolved conversation is kept after its last message before retention purges it (7 years). */
    @WithDefault("2557")
    int retentionDays();

    /**
     * How long the pieces of a file no message has named are kept before retention deletes them: a message names its
     * files within moments of them, so a file still unnamed after days will never be reached by anyone.
     */
    @WithDefault("7")
    int unclaimedFileDays();

    /** How often retention looks for conversations to purge; RetentionPurge reads it by name. */
    @WithDefault("1h")
    Duration retentionCheckEvery();

    /** How often a live stream says it is still there, so proxies and browsers keep it open. */
    @WithDefault("20s")
    Duration liveHeartbeatEvery();

    /** The practice's name, as templates say it ({{practice_name}}). */
    String practiceName();

    /** Each location's name and phone number as templates say them, by location code. */
    Map<String, Location> locations();

    interface Location {
        /** {{location_name}}, e.g. North Clinic */
        String name();

        /** {{location_phone}}, as patients dial it */
        String phone();
    }
}
