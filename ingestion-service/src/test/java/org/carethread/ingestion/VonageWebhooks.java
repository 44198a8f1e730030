package org.carethread.ingestion;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.carethread.localinfra.VonageWebhookSigner;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Plays Vonage: builds webhook bodies the way the Messages and Voice APIs send them and posts them signed. */
final class VonageWebhooks {
    static final String PRACTICE_NUMBER = "15550001001";

    private VonageWebhooks() {
    }

    static String inboundSms(String messageUuid, String from, String text) {
        return """
                {"channel":"sms","message_uuid":"%s","to":"%s","from":"%s","timestamp":"2026-11-22T10:00:00Z",\
                "text":"%s","message_type":"text","sms":{"num_messages":"1"},\
                "usage":{"price":"0.0057","currency":"EUR"},"context_status":"none"}""".formatted(messageUuid,
                PRACTICE_NUMBER, from, text);
    }

    static String status(String messageUuid, String status, String extra) {
        return """
                {"message_uuid":"%s","to":"15551234567","from":"%s","timestamp":"2026-11-22T10:05:00Z",\
                "status":"%s","channel":"sms","usage":{"price":"0.0057","currency":"EUR"}%s}""".formatted(messageUuid,
                PRACTICE_NUMBER, status, extra);
    }

    /** Vonage Voice's answer webhook body (answer_method POST). */
    static String callAnswer(String conversationUuid, String from, String to) {
        return """
                {"from":"%s","to":"%s","uuid":"%s","conversation_uuid":"%s",\
                "region_url":"https://api-us-3.vonage.com","custom_data":{}}""".formatted(from, to,
                UUID.randomUUID().toString().replace("-", ""), conversationUuid);
    }

    /** The event Vonage sends to the record action's eventUrl. */
    static String recording(String conversationUuid, String recordingUuid, String recordingUrl, long size) {
        return """
                {"start_time":"2026-11-22T10:00:05Z","recording_url":"%s","size":%d,"recording_uuid":"%s",\
                "end_time":"2026-11-22T10:00:35Z","conversation_uuid":"%s","timestamp":"2026-11-22T10:00:36Z"}\
                """.formatted(recordingUrl, size, recordingUuid, conversationUuid);
    }

    /** The event Vonage sends to the record action's transcription eventUrl. */
    static String transcription(String conversationUuid, String recordingUuid, String transcriptionUrl) {
        return """
                {"conversation_uuid":"%s","type":"transcription","recording_uuid":"%s","status":"completed",\
                "transcription_url":"%s"}""".formatted(conversationUuid, recordingUuid, transcriptionUrl);
    }

    /** A transcript file as Vonage writes it: sentences per channel. */
    static String transcript(String... sentences) {
        StringBuilder list = new StringBuilder();
        for (String sentence : sentences) {
            list.append(list.isEmpty() ? "" : ",").append("""
                    {"sentence":"%s","raw_sentence":"%s","duration":2400,"timestamp":0,"words":[]}""".formatted(
                    sentence, sentence.toLowerCase()));
        }
        return """
                {"ver":"1.0.21","request_id":"%s","channels":[{"transcript":[%s],"duration":30}]}""".formatted(
                UUID.randomUUID(), list);
    }

    static String newConversationUuid() {
        return "CON-" + UUID.randomUUID();
    }

    static ValidatableResponse post(String path, String authorization, String body) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().post(path).then();
    }

    static ValidatableResponse postSigned(String path, String secret, String body) {
        return post(path, new VonageWebhookSigner(secret).bearerFor(body), body);
    }

    static String newMessageUuid() {
        return UUID.randomUUID().toString();
    }

    static String inboundEventId(String messageUuid) {
        return UUID.nameUUIDFromBytes(("vonage:" + messageUuid).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String statusEventId(String messageUuid, String status) {
        return UUID.nameUUIDFromBytes(("vonage:status:" + messageUuid + ":" + status).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A random US-style number so each test's patient is its own. */
    static String patientNumber() {
        return "1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }
}
