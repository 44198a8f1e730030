package org.carethread.audit.mapping;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.carethread.audit.repository.AuditEntry;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.audit.rest.AuditEntryView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;

/**
 * An export as the text an auditor downloads, written batch by batch: CSV with a header row, or one JSON array of
 * the same entries as {@code GET /api/audit/events} answers with. Each chunk is sent followed by a line feed (see
 * {@code AuditResource.export}), so a chunk holds whole lines without the last line's end: the CSV's lines end in LF,
 * and the JSON array has a line break after each batch, which JSON ignores.
 */
public final class ExportDocument {
    static final String CSV_HEADER = "seq,eventId,type,action,conversationId,actorUserId,locationCode,clientAddress,"
            + "occurredAt,recordedAt,entryHash,breakGlass,purpose,actorName";

    private ExportDocument() {
    }

    /** RFC 4180 but for LF line ends: fields quoted when they hold a comma, quote or line break. */
    public static Multi<String> csv(Multi<List<AuditEntry>> batches, PhiCipher cipher) {
        Multi<String> rows = batches.map(batch -> batch.stream().map(entry -> AuditViewMapper.toView(entry, cipher))
                .map(ExportDocument::csvRow).collect(Collectors.joining("\n")));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(CSV_HEADER), rows);
    }

    public static Multi<String> json(Multi<List<AuditEntry>> batches, ObjectMapper json, PhiCipher cipher) {
        AtomicBoolean first = new AtomicBoolean(true);
        Multi<String> elements = batches.map(batch -> batch.stream().map(entry -> AuditViewMapper.toView(entry, cipher))
                .map(view -> (first.getAndSet(false) ? "" : ",") + write(json, view)).collect(Collectors.joining()));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item("["), elements,
                Multi.createFrom().item("]"));
    }

    private static String csvRow(AuditEntryView entry) {
        return Stream.of(String.valueOf(entry.seq()), entry.eventId(), entry.type(), entry.action(),
                        entry.conversationId(), entry.actorUserId(), entry.locationCode(), entry.clientAddress(),
                        text(entry.occurredAt()), text(entry.recordedAt()), entry.entryHash(),
                        String.valueOf(entry.breakGlass()), entry.purpose(), entry.actorName())
                .map(ExportDocument::csvField).collect(Collectors.joining(","));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String write(ObjectMapper json, AuditEntryView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an entry of strings, numbers and instants always serialises", e);
        }
    }
}
