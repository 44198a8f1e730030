package org.carethread.audit.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.audit.repository.AuditEntry;
import org.carethread.audit.repository.AuditEntryRepository;
import org.hibernate.reactive.mutiny.Mutiny;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/** Appends entries to the hash chain, one at a time across every instance of the service. */
@ApplicationScoped
public class AuditLog {
    /** Metric tag for entries this service writes itself (searches, verifications), which come from no topic. */
    static final String OWN_ENTRIES = "audit-service";
    static final String SOURCE = "/carethread/audit-service";

    private final AuditEntryRepository entries;
    private final MeterRegistry metrics;

    public AuditLog(AuditEntryRepository entries, MeterRegistry metrics) {
        this.entries = entries;
        this.metrics = metrics;
    }

    /**
     * Records something staff did with the audit log itself (a search, a verification), in the same chain as the
     * events, so reading the log leaves a trace too.
     */
    public Uni<AuditEntry> appendOwn(Mutiny.Session session, String type, String action, String actor,
            String subject) {
        AuditEntry entry = new AuditEntry();
        entry.eventId = UUID.randomUUID().toString();
        entry.eventType = type;
        entry.source = SOURCE;
        entry.subject = subject;
        entry.actorUserId = actor;
        entry.action = action;
        entry.occurredAt = Instant.now();
        return append(session, entry);
    }

    /**
     * Links {@code entry} to the current head and inserts it, inside the caller's transaction. The chain lock is held
     * until that transaction ends, so the next append sees this entry as the head.
     */
    public Uni<AuditEntry> append(Mutiny.Session session, AuditEntry entry) {
        entry.occurredAt = AuditChain.storable(entry.occurredAt);
        entry.recordedAt = AuditChain.storable(Instant.now());
        return entries.lockChain(session)
                .chain(() -> entries.headHash(session))
                .chain(head -> {
                    entry.previousHash = head == null ? AuditChain.GENESIS_HASH : head;
                    entry.entryHash = AuditChain.hashOf(entry);
                    return entries.insert(session, entry);
                })
                .invoke(saved -> metrics.counter("carethread.audit.entries", "topic",
                        saved.topic == null ? OWN_ENTRIES : saved.topic).increment());
    }
}
