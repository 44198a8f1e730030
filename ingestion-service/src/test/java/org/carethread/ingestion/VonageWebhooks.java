package org.carethread.ingestion;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.carethread.localinfra.VonageWebhookSigner;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Plays Vonage: builds webhook bodies the way the Messages API sends them and posts them signed. */
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
