package org.carethread.audit.service;

import java.util.Optional;

import org.carethread.audit.repository.AuditEntry;

/**
 * Walks the chain one entry at a time (in {@code seq} order) and names the first place it is broken. Each entry's own
 * hash must recompute from its fields, and its previous hash must be the hash of the entry before it.
 */
public final class ChainVerifier {
    public enum Problem {
        ALTERED("entry altered"), REMOVED("entry removed"), INSERTED("entry inserted");

        public final String description;

        Problem(String description) {
            this.description = description;
        }
    }

    public record Break(long seq, Problem problem) {
    }

    private record Link(long seq, String hash) {
    }

    private Link beforePrevious;
    private Link previous;
    /** An entry whose link to its predecessor is broken; the entry after it tells whether it was inserted. */
    private AuditEntry unlinked;
    private Break found;
    private long entries;

    /** @return whether to keep going: {@code false} once a break is found */
    public boolean accept(AuditEntry entry) {
        if (found != null) {
            return false;
        }
        entries++;
        if (unlinked != null) {
            // The chain skips the unlinked entry when this one links to its predecessor: it was slipped in.
            found = entry.previousHash.equals(hashOf(previous)) ? new Break(unlinked.seq, Problem.INSERTED)
                    : unlinkedBreak();
            return false;
        }
        if (!AuditChain.hashOf(entry).equals(entry.entryHash)) {
            found = new Break(entry.seq, Problem.ALTERED);
            return false;
        }
        if (entry.previousHash.equals(hashOf(previous))) {
            beforePrevious = previous;
            previous = new Link(entry.seq, entry.entryHash);
            return true;
        }
        if (previous != null && entry.previousHash.equals(hashOf(beforePrevious))) {
            found = new Break(previous.seq, Problem.INSERTED);
            return false;
        }
        unlinked = entry;
        return true;
    }

    /** The first break, once every entry was accepted; empty when the chain is intact. */
    public Optional<Break> result() {
        if (found == null && unlinked != null) {
            found = unlinkedBreak();
        }
        return Optional.ofNullable(found);
    }

    public long entries() {
        return entries;
    }

    /**
     * An entry linking to a hash no entry has. With no gap in {@code seq} before it, nothing can be missing: its
     * predecessor was changed and re-hashed. Otherwise the entry it linked to is gone.
     */
    private Break unlinkedBreak() {
        if (previous != null && unlinked.seq == previous.seq + 1) {
            return new Break(previous.seq, Problem.ALTERED);
        }
        return new Break(unlinked.seq, Problem.REMOVED);
    }

    private static String hashOf(Link link) {
        return link == null ? AuditChain.GENESIS_HASH : link.hash;
    }
}
