package org.carethread.audit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.carethread.audit.repository.AuditEntry;
import org.junit.jupiter.api.Test;

/** How the verifier names the first break of a chain, on chains built in memory exactly as AuditLog builds them. */
class ChainVerifierTest {

    @Test
    void anUntouchedChainIsIntactAndCounted() {
        ChainVerifier verifier = walk(chain(5));
        assertEquals(Optional.empty(), verifier.result());
        assertEquals(5, verifier.entries());
    }

    @Test
    void aChangedFieldIsReportedAtItsEntry() {
        List<AuditEntry> entries = chain(5);
        entries.get(2).actorUserId = "someone.else";
        assertBreak(entries, 3, ChainVerifier.Problem.ALTERED);
    }

    @Test
    void aChangedOrRemovedActorNameIsReportedAtItsEntry() {
        List<AuditEntry> renamed = chain(5);
        renamed.get(1).actorName = "someone.else";
        assertBreak(renamed, 2, ChainVerifier.Problem.ALTERED);
        List<AuditEntry> unnamed = chain(5);
        unnamed.get(3).actorName = null;
        assertBreak(unnamed, 4, ChainVerifier.Problem.ALTERED);
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedIsStillCaughtByItsSuccessor() {
        List<AuditEntry> entries = chain(5);
        AuditEntry forged = entries.get(1);
        forged.action = "conversation.opened";
        forged.entryHash = AuditChain.hashOf(forged);
        assertBreak(entries, 2, ChainVerifier.Problem.ALTERED);
    }

    @Test
    void aMissingEntryIsReportedAtTheEntryThatLinkedToIt() {
        List<AuditEntry> entries = chain(5);
        entries.remove(2);
        assertBreak(entries, 4, ChainVerifier.Problem.REMOVED);
    }

    @Test
    void aMissingFirstEntryIsReported() {
        List<AuditEntry> entries = chain(3);
        entries.remove(0);
        assertBreak(entries, 2, ChainVerifier.Problem.REMOVED);
    }

    @Test
    void anEntrySlippedIntoAGapIsReportedAsInserted() {
        List<AuditEntry> entries = chain(4);
        entries.forEach(entry -> entry.seq = entry.seq * 10);
        AuditEntry slipped = entry(25, "slipped", "garbage".repeat(10).substring(0, 64));
        slipped.entryHash = AuditChain.hashOf(slipped);
        entries.add(2, slipped);
        assertBreak(entries, 25, ChainVerifier.Problem.INSERTED);
    }

    @Test
    void anInsertedEntryThatLinksCorrectlyIsStillReportedAsInserted() {
        List<AuditEntry> entries = chain(4);
        entries.forEach(entry -> entry.seq = entry.seq * 10);
        AuditEntry slipped = entry(25, "slipped", entries.get(1).entryHash);
        slipped.entryHash = AuditChain.hashOf(slipped);
        entries.add(2, slipped);
        assertBreak(entries, 25, ChainVerifier.Problem.INSERTED);
    }

    private static void assertBreak(List<AuditEntry> entries, long seq, ChainVerifier.Problem problem) {
        Optional<ChainVerifier.Break> found = walk(entries).result();
        assertTrue(found.isPresent(), "the chain should be broken");
        assertEquals(new ChainVerifier.Break(seq, problem), found.get());
    }

    private static ChainVerifier walk(List<AuditEntry> entries) {
        ChainVerifier verifier = new ChainVerifier();
        for (AuditEntry entry : entries) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        return verifier;
    }

    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS_HASH;
        for (int seq = 1; seq <= length; seq++) {
            AuditEntry entry = entry(seq, "event-" + seq, previous);
            entry.entryHash = AuditChain.hashOf(entry);
            previous = entry.entryHash;
            entries.add(entry);
        }
        return entries;
    }

    private static AuditEntry entry(long seq, String eventId, String previousHash) {
        AuditEntry entry = new AuditEntry();
        entry.seq = seq;
        entry.eventId = eventId;
        entry.topic = "audit.access";
        entry.eventType = "carethread.phi.accessed.v1";
        entry.action = "conversation.read";
        entry.actorUserId = "3f0c9a52-7d4e-4b1a-9c8e-2a6b5d4e3f21";
        entry.actorName = "nurse.nora";
        entry.occurredAt = Instant.parse("2025-03-01T10:00:00.123456789Z").plusSeconds(seq);
        entry.recordedAt = Instant.parse("2025-03-01T10:00:01Z").plusSeconds(seq);
        entry.previousHash = previousHash;
        return entry;
    }
}
