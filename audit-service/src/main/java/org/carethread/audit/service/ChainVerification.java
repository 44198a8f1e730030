package org.carethread.audit.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.audit.config.AuditConfig;
import org.carethread.audit.repository.AuditEntry;
import org.carethread.audit.repository.AuditEntryRepository;
import org.hibernate.reactive.mutiny.Mutiny;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/** Proves the log intact, or finds the first entry that was altered, removed or inserted behind its back. */
@ApplicationScoped
public class ChainVerification {
    public static final String VERIFY_TYPE = "carethread.audit.verified.v1";
    public static final String VERIFY_ACTION = "audit.verify";

    private final Mutiny.SessionFactory sessions;
    private final AuditEntryRepository entries;
    private final AuditLog auditLog;
    private final MeterRegistry metrics;
    private final int batchSize;

    public ChainVerification(Mutiny.SessionFactory sessions, AuditEntryRepository entries, AuditLog auditLog,
            MeterRegistry metrics, AuditConfig config) {
        this.sessions = sessions;
        this.entries = entries;
        this.auditLog = auditLog;
        this.metrics = metrics;
        this.batchSize = config.verifyBatchSize();
    }

    /** Records who asked, then walks every entry from the first. */
    public Uni<ChainReport> verify(String actor) {
        Timer.Sample timing = Timer.start(metrics);
        return sessions.withTransaction(session -> auditLog.appendOwn(session, VERIFY_TYPE, VERIFY_ACTION, actor, null))
                .chain(() -> sessions.withSession(session -> walk(session, new ChainVerifier(), 0L)))
                .invoke(report -> timing.stop(metrics.timer("carethread.audit.verification", "outcome",
                        report.intact() ? "intact" : "broken")));
    }

    private Uni<ChainReport> walk(Mutiny.Session session, ChainVerifier verifier, long afterSeq) {
        return entries.chainAfter(session, afterSeq, batchSize).chain(batch -> {
            boolean going = true;
            for (AuditEntry entry : batch) {
                going = verifier.accept(entry);
                if (!going) {
                    break;
                }
            }
            if (going && batch.size() == batchSize) {
                long last = batch.get(batch.size() - 1).seq;
                // Entries already checked need not stay in the session while the rest of the log is read.
                session.clear();
                return walk(session, verifier, last);
            }
            return Uni.createFrom().item(report(verifier));
        });
    }

    private static ChainReport report(ChainVerifier verifier) {
        return verifier.result()
                .map(broken -> new ChainReport(false, verifier.entries(), broken.seq(), broken.problem()))
                .orElseGet(() -> new ChainReport(true, verifier.entries(), null, null));
    }
}
