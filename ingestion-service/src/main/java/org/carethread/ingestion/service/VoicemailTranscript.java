package org.carethread.ingestion.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the transcript file Vonage makes of a recording:
 * {@code {"channels":[{"transcript":[{"sentence":"…"}, …]}, …]}}; the sentences, in order, are the text.
 */
@ApplicationScoped
public class VoicemailTranscript {
    private final ObjectMapper json;

    public VoicemailTranscript(ObjectMapper json) {
        this.json = json;
    }

    /** The words said, or null when the file holds none (the caller said nothing Vonage could make out). */
    public String textOf(byte[] file) {
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (Exception e) {
            // Jackson's message quotes the file, which is the caller's words.
            throw WebhookRejectedException.invalid("The transcript Vonage gave is not JSON.");
        }
        List<String> sentences = new ArrayList<>();
        for (JsonNode channel : root.path("channels")) {
            for (JsonNode sentence : channel.path("transcript")) {
                String text = sentence.path("sentence").asText("").strip();
                if (!text.isEmpty()) {
                    sentences.add(text);
                }
            }
        }
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }
}
