package org.carethread.messaging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.schemas.crypto.PhiCipher;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Key rotation without downtime: once operators make a new key active ({@code CARETHREAD_PHI_ACTIVE_KEY}, with the old
 * one still in {@code CARETHREAD_PHI_KEYS}), new values are sealed with it at once and this job re-seals the old ones
 * in the background, a batch at a time, while reads keep working (every value names its key). It finds every
 * {@code sealed_*} column of the service's tables itself, so a column added later is never missed; tables that must
 * not change (the append-only audit log) are named in {@code carethread.phi-rotation.skip-tables}. Progress is the
 * gauge {@code carethread.phi.rotation.remaining} (values not yet under the active key) and a log line per pass that
 * re-sealed something; when it reads 0, the old key may leave the keyring (once Kafka no longer holds events sealed
 * with it).
 */
@ApplicationScoped
public class PhiKeyRotation {
    private static final Logger LOG = Logger.getLogger(PhiKeyRotation.class);

    private final Mutiny.SessionFactory sessions;
    private final PhiCipher cipher;
    private final Set<String> skipTables;
    private final int batch;
    private final AtomicLong remaining = new AtomicLong(-1);

    public PhiKeyRotation(Mutiny.SessionFactory sessions, PhiCipher cipher, MeterRegistry registry,
            @ConfigProperty(name = "carethread.phi-rotation.skip-tables", defaultValue = "outbox_message") Set<String> skipTables,
            @ConfigProperty(name = "carethread.phi-rotation.batch", defaultValue = "200") int batch) {
        this.sessions = sessions;
        this.cipher = cipher;
        this.skipTables = skipTables;
        this.batch = batch;
        registry.gauge("carethread.phi.rotation.remaining", remaining);
    }

    /** A column holding sealed values. */
    record SealedColumn(String table, String column) {
    }

    @Scheduled(every = "${carethread.phi-rotation.every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reseal() {
        String activePrefix = "v1." + cipher.activeKeyId() + ".%";
        return sessions.withSession(session -> sealedColumns(session))
                .chain(columns -> Multi.createFrom().iterable(columns)
                        .onItem().transformToUniAndConcatenate(column -> sessions.withTransaction(
                                session -> resealBatch(session, column, activePrefix)))
                        .collect().asList()
                        .map(counts -> counts.stream().mapToLong(Long::longValue).sum())
                        .chain(resealed -> sessions.withSession(session -> count(session, columns, activePrefix))
                                .invoke(left -> {
                                    remaining.set(left);
                                    if (resealed > 0) {
                                        LOG.infof("PHI key rotation: re-sealed %d values under key %s; %d remain",
                                                resealed, cipher.activeKeyId(), left);
                                    }
                                })))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.errorf("PHI key rotation pass failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    /** How many values are not yet under the active key (for tests and operators). */
    public long remaining() {
        return remaining.get();
    }

    private Uni<List<SealedColumn>> sealedColumns(Mutiny.Session session) {
        return session.createNativeQuery("select table_name, column_name from information_schema.columns"
                + " where table_schema = current_schema() and column_name like 'sealed\\_%'"
                + " order by table_name, column_name", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new SealedColumn((String) row[0], (String) row[1]))
                        .filter(column -> !skipTables.contains(column.table())).toList());
    }

    /**
     * Re-seals a batch of one column's values. Each row is found again by its physical address ({@code ctid}), a
     * direct look-up however large the table, and only while it still holds the value read: a row changed meanwhile
     * (which moves it) simply does not match and is taken on a later pass.
     */
    private Uni<Long> resealBatch(Mutiny.Session session, SealedColumn column, String activePrefix) {
        String table = quoted(column.table());
        String name = quoted(column.column());
        return session.createNativeQuery("select ctid::text, " + name + " from " + table + " where " + name
                + " is not null and " + name + " not like :active limit :batch", Object[].class)
                .setParameter("active", activePrefix)
                .setParameter("batch", batch)
                .getResultList()
                .chain(old -> Multi.createFrom().iterable(old)
                        .onItem().transformToUniAndConcatenate(row -> session.createNativeQuery("update " + table
                                + " set " + name + " = :resealed where ctid = cast(:row as tid) and " + name
                                + " = :old")
                                // As bytes: a file's contents are no text, and a text's bytes re-seal to the same text.
                                .setParameter("resealed", cipher.sealBytes(cipher.openBytes((String) row[1])))
                                .setParameter("row", row[0])
                                .setParameter("old", row[1])
                                .executeUpdate())
                        .collect().asList()
                        .map(updated -> updated.stream().mapToLong(Integer::longValue).sum()));
    }

    private static Uni<Long> count(Mutiny.Session session, List<SealedColumn> columns, String activePrefix) {
        Uni<Long> total = Uni.createFrom().item(0L);
        for (SealedColumn column : columns) {
            String name = quoted(column.column());
            total = total.chain(sum -> session.createNativeQuery("select count(*) from " + quoted(column.table())
                    + " where " + name + " is not null and " + name + " not like :active", Long.class)
                    .setParameter("active", activePrefix)
                    .getSingleResult()
                    .map(count -> sum + count));
        }
        return total;
    }

    /** Names come from the catalog, not from input; quoting keeps any of them a plain identifier. */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
