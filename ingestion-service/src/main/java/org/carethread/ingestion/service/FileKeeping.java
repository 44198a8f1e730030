package org.carethread.ingestion.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.config.MediaConfig;
import org.carethread.ingestion.messaging.CarrierEventPublisher;

/**
 * Decides which files that came with a patient's message have their contents kept: only types staff can safely open
 * (photos, PDFs, plain text, office documents, sound), judged by the type sniffed from the bytes, and only up to a
 * size per file and per message. A file left out is still described on the message, with the reason, so staff
 * know the patient sent it; executables, web pages, scripts and archives are never kept.
 */
@ApplicationScoped
public class FileKeeping {
    private static final int MEBIBYTE = 1 << 20;

    /**
     * Sniffed types whose contents are kept. Office documents appear as Tika's container types (OLE2, OOXML) when
     * only tika-core sniffs them; the archive check has already looked inside the OOXML ones.
     */
    public static final Set<String> KEPT_TYPES = Set.of(
            "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif",
            "application/pdf", "text/plain",
            "application/msword", "application/vnd.ms-excel", "application/rtf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text", "application/x-tika-msoffice", "application/x-tika-ooxml",
            "audio/mpeg", "audio/mp4", "audio/ogg", "audio/vnd.wave", "audio/x-wav", "audio/amr");

    private final MediaConfig config;

    public FileKeeping(MediaConfig config) {
        this.config = config;
    }

    /** A file as it came, its type already sniffed. */
    public record Offered(String contentType, byte[] contents) {
    }

    /** For each offered file in order, its media id or why it was not kept; and the files to publish. */
    public record Kept(List<String> mediaIds, List<String> notKeptReasons, List<ReceivedFile> files) {
    }

    /** Judges a message's files in their order; the first ones fill the per-message allowance. */
    public Kept keep(String messageEventId, List<Offered> offered) {
        List<String> mediaIds = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<ReceivedFile> files = new ArrayList<>();
        long kept = 0;
        for (int place = 0; place < offered.size(); place++) {
            Offered file = offered.get(place);
            String reason = notKeptReason(file, kept);
            if (reason == null) {
                String mediaId = CarrierEventPublisher.mediaIdOf(messageEventId, place);
                files.add(new ReceivedFile(mediaId, file.contentType(), file.contents()));
                kept += file.contents().length;
                mediaIds.add(mediaId);
            } else {
                mediaIds.add(null);
            }
            reasons.add(reason);
        }
        return new Kept(mediaIds, reasons, files);
    }

    /** Whether a file of this sniffed type could be kept at all (before sizes). */
    public static boolean keptType(String contentType) {
        return contentType != null && KEPT_TYPES.contains(contentType);
    }

    /** The largest file whose contents are kept, so a fetch can stop reading past it. */
    public int maxFileBytes() {
        return config.maxFileBytes();
    }

    private String notKeptReason(Offered file, long keptSoFar) {
        if (!keptType(file.contentType())) {
            return "its type (" + file.contentType() + ") is not one CareThread keeps";
        }
        if (file.contents().length > config.maxFileBytes()) {
            return "it is larger than " + mebibytes(config.maxFileBytes()) + " MiB";
        }
        if (keptSoFar + file.contents().length > config.maxMessageBytes()) {
            return "the message's files together pass " + mebibytes(config.maxMessageBytes()) + " MiB";
        }
        return null;
    }

    private static String mebibytes(int bytes) {
        return String.valueOf(bytes / MEBIBYTE);
    }
}
