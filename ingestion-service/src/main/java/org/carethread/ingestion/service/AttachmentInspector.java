package org.carethread.ingestion.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.tika.Tika;
import org.carethread.ingestion.config.EmailConfig;
import org.carethread.ingestion.service.WebhookRejectedException.Reason;

/**
 * Looks at an attachment's bytes, never trusting its name or declared type: what it really is, and whether an
 * archive in it (zip or gzip, also inside one another) expands beyond what one e-mail may, which is how a zip bomb
 * would exhaust whoever opens it later.
 */
@ApplicationScoped
public class AttachmentInspector {
    private static final int MEBIBYTE = 1 << 20;
    /** Archives inside archives are followed this deep; deeper nesting is itself refused. */
    private static final int MAX_NESTING = 3;

    private final Tika tika = new Tika();
    private final EmailConfig config;

    public AttachmentInspector(EmailConfig config) {
        this.config = config;
    }

    /** The media type the bytes show, e.g. {@code application/pdf}. */
    public String contentType(byte[] bytes) {
        return tika.detect(bytes);
    }

    /**
     * Refuses the e-mail when its archives together expand past the limit, or one of them more than the allowed
     * ratio of its own size.
     *
     * @param budget what the e-mail's archives may still expand to; shared by its attachments
     */
    public void checkExpansion(byte[] bytes, ExpansionBudget budget) {
        try {
            long expanded = expandedSize(bytes, budget, 0);
            if (expanded > MEBIBYTE && expanded / Math.max(1, bytes.length) > config.maxExpansionRatio()) {
                throw tooMuch();
            }
        } catch (IOException e) {
            throw WebhookRejectedException.invalid("An attached archive is damaged and cannot be read.");
        }
    }

    /** A fresh budget for one e-mail. */
    public ExpansionBudget newBudget() {
        return new ExpansionBudget(config.maxExpandedBytes());
    }

    private long expandedSize(byte[] bytes, ExpansionBudget budget, int depth) throws IOException {
        if (isZip(bytes)) {
            return nested(depth, () -> zipSize(bytes, budget, depth));
        }
        if (isGzip(bytes)) {
            return nested(depth, () -> {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    return drain(in, budget, depth);
                }
            });
        }
        return 0;
    }

    private long zipSize(byte[] bytes, ExpansionBudget budget, int depth) throws IOException {
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                total += drain(zip, budget, depth);
            }
        }
        return total;
    }

    /** Reads an archive member, counting against the budget, and looks inside it if it is an archive too. */
    private long drain(InputStream in, ExpansionBudget budget, int depth) throws IOException {
        byte[] member = in.readNBytes(budget.remainingPlusOne());
        budget.spend(member.length);
        return member.length + expandedSize(member, budget, depth + 1);
    }

    private static long nested(int depth, ArchiveRead read) throws IOException {
        if (depth >= MAX_NESTING) {
            throw new WebhookRejectedException(Reason.HARMFUL, "An attachment holds archives nested more than "
                    + MAX_NESTING + " deep; send the files themselves instead.");
        }
        return read.size();
    }

    private WebhookRejectedException tooMuch() {
        return new WebhookRejectedException(Reason.HARMFUL, "An attached archive expands to far more than it"
                + " weighs (a zip bomb) or beyond " + config.maxExpandedBytes() / MEBIBYTE + " MiB in all; it was"
                + " refused. Send the files themselves instead.");
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    @FunctionalInterface
    private interface ArchiveRead {
        long size() throws IOException;
    }

    /** What one e-mail's archives may still expand to. */
    public final class ExpansionBudget {
        private long remaining;

        private ExpansionBudget(long remaining) {
            this.remaining = remaining;
        }

        void spend(long bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw tooMuch();
            }
        }

        /** One byte more than may still be spent, so reading that much shows whether the budget is exceeded. */
        int remainingPlusOne() {
            return (int) Math.min(Integer.MAX_VALUE - 8, remaining + 1);
        }
    }
}
