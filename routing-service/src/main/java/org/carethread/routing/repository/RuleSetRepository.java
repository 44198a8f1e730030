package org.carethread.routing.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Timestamps;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** The versions of the practice's routing rules; the highest is in force. Rules are kept as the JSON admins wrote. */
@ApplicationScoped
public class RuleSetRepository {

    /** One saved version. {@code rulesJson} is a JSON array of rules. */
    public record StoredRuleSet(int version, String rulesJson, String comment, String createdBy, Instant createdAt) {
    }

    private static final String COLUMNS = "select version, rules::text, comment, created_by, created_at from routing_rule_set ";

    /** The rules in force, or null before any were saved. */
    public Uni<StoredRuleSet> active(Mutiny.Session session) {
        return session.createNativeQuery(COLUMNS + "order by version desc limit 1", Object[].class)
                .getResultList().map(rows -> rows.isEmpty() ? null : stored(rows.get(0)));
    }

    public Uni<StoredRuleSet> version(Mutiny.Session session, int version) {
        return session.createNativeQuery(COLUMNS + "where version = :version", Object[].class)
                .setParameter("version", version)
                .getResultList().map(rows -> rows.isEmpty() ? null : stored(rows.get(0)));
    }

    public Uni<List<StoredRuleSet>> all(Mutiny.Session session) {
        return session.createNativeQuery(COLUMNS + "order by version desc", Object[].class)
                .getResultList().map(rows -> rows.stream().map(RuleSetRepository::stored).toList());
    }

    /** Saves the next version; two admins saving at once cannot both get it, the primary key refuses the second. */
    public Uni<Integer> add(Mutiny.Session session, int expectedCurrent, String rulesJson, String comment,
            String createdBy, Instant createdAt) {
        // The reactive driver encodes a String bound as jsonb as a JSON string; bound as text, the cast parses it.
        return session.createNativeQuery("insert into routing_rule_set (version, rules, comment, created_by, created_at)"
                + " values (:version, cast(cast(:rules as text) as jsonb), :comment, :createdBy, :createdAt)")
                .setParameter("version", expectedCurrent + 1)
                .setParameter("rules", rulesJson)
                .setParameter("comment", comment)
                .setParameter("createdBy", createdBy)
                .setParameter("createdAt", Timestamps.utc(createdAt))
                .executeUpdate()
                .replaceWith(expectedCurrent + 1);
    }

    private static StoredRuleSet stored(Object[] row) {
        return new StoredRuleSet(((Number) row[0]).intValue(), (String) row[1], (String) row[2], (String) row[3],
                Timestamps.instant(row[4]));
    }
}
