package org.carethread.audit.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.carethread.audit.repository.AuditEntry;

/**
 * The one definition of an entry's canonical form and hash. Appending and verifying both use it, so they cannot
 * disagree about what an entry's hash covers.
 */
public final class AuditChain {
    /** What the first entry links to. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private AuditChain() {
    }

    /** SHA-256 (lower-case hex) over the previous hash followed by the entry's canonical fields. */
    public static String hashOf(AuditEntry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical(entry).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Fields in a fixed order, each written as {@code length:value} (or {@code -} for none), so no value can pass
     * for another however it is split; the actor's roles, when recorded, come last. {@code seq} is left out: the
     * link to the previous hash fixes the position.
     */
    static String canonical(AuditEntry entry) {
        StringBuilder out = new StringBuilder();
        for (String field : new String[] { entry.previousHash, entry.eventId, entry.topic, entry.eventType,
                entry.source, entry.subject, entry.conversationId, entry.patientRef, entry.actorUserId, entry.action,
                entry.locationCode, entry.clientAddress, instant(entry.occurredAt), instant(entry.recordedAt) }) {
            out.append(field == null ? "-" : field.length() + ":" + field).append('|');
        }
        // Roles came later (V3): appended only when present, so entries written before still hash as they did, and
        // the length prefix keeps an entry with roles from passing for one without.
        if (entry.actorRoles != null) {
            out.append(entry.actorRoles.length()).append(':').append(entry.actorRoles).append('|');
        }
        // The purpose came later still (V4), the same way; its marker keeps it from passing for roles.
        if (entry.sealedPurpose != null) {
            out.append("purpose=").append(entry.sealedPurpose.length()).append(':').append(entry.sealedPurpose)
                    .append('|');
        }
        // The actor's name came last (V5), the same way again.
        if (entry.actorName != null) {
            out.append("name=").append(entry.actorName.length()).append(':').append(entry.actorName).append('|');
        }
        return out.toString();
    }

    /** PostgreSQL keeps microseconds: times are cut to them before hashing so a stored entry hashes the same. */
    public static Instant storable(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String instant(Instant instant) {
        return instant == null ? null : storable(instant).toString();
    }
}
