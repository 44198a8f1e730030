package org.carethread.routing.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.triage.TriageClassifier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The words of automatic replies, in the patient's language: the safety reply and the after-hours reply. */
@ApplicationScoped
public class AutoReplies {
    private static final String ENGLISH = "en";
    private final Map<String, String> afterHours;
    private final TriageClassifier triage;

    public AutoReplies(ObjectMapper json, TriageClassifier triage) {
        this.triage = triage;
        try (InputStream in = AutoReplies.class.getResourceAsStream("/routing/after-hours-replies.json")) {
            this.afterHours = json.readValue(in, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("routing/after-hours-replies.json cannot be read", e);
        }
    }

    /** @param kind the safety rule's reply, {@code call-911} or {@code call-988} */
    public String safety(String kind, String language) {
        return triage.safetyReplyText(kind, language);
    }

    /** @param opens when the location next opens, or null if it has no hours */
    public String afterHours(String language, String locationName, Instant opens, ZoneId zone) {
        String lang = afterHours.containsKey(language) ? language : ENGLISH;
        String when = opens == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(lang)).withZone(zone).format(opens);
        return afterHours.get(lang).replace("{location}", locationName).replace("{opens}", when);
    }
}
