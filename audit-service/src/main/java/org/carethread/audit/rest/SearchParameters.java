package org.carethread.audit.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.carethread.audit.repository.AuditCriteria;

/** Checks the search's query parameters before anything reaches the database. */
final class SearchParameters {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    private static final int MAX_PAGE = 1_000_000;
    private static final int MAX_TEXT = 200;

    private SearchParameters() {
    }

    static AuditCriteria parse(String conversationId, String patientRef, String actor, String action, String from,
            String to, String page, String size) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidQueryException("'from' must be earlier than 'to'.");
        }
        return new AuditCriteria(text("conversationId", conversationId), text("patientRef", patientRef),
                text("actor", actor), text("action", action), start, end,
                integer("page", page, 0, 0, MAX_PAGE), integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    /** {@code csv} or {@code json}, as asked; anything else (or nothing) is refused. */
    static String exportFormat(String value) {
        String format = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("csv") && !format.equals("json")) {
            throw new InvalidQueryException("'format' must be csv or json.");
        }
        return format;
    }

    /** A conversation id to look up: required, short and printable. */
    static String conversationId(String value) {
        String id = text("conversationId", value);
        if (id == null) {
            throw new InvalidQueryException("'conversationId' is required.");
        }
        return id;
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidQueryException("'" + name + "' must be at most " + MAX_TEXT
                    + " printable characters.");
        }
        return value;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("'" + name
                    + "' must be an ISO-8601 date-time with an offset, for example 2025-01-31T09:00:00Z.");
        }
    }

    private static int integer(String name, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw outOfRange(name, min, max);
        }
        if (number < min || number > max) {
            throw outOfRange(name, min, max);
        }
        return number;
    }

    private static InvalidQueryException outOfRange(String name, int min, int max) {
        return new InvalidQueryException("'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }
}
