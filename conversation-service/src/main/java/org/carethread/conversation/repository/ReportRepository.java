package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Aggregates for supervisors, at given locations; counts and times only, never a patient or a word. */
@ApplicationScoped
public class ReportRepository {

    /** Patient messages per queue and channel that arrived in the period. */
    public record Volume(String queue, String channel, long messages) {
    }

    /** Waits ended (kind first-response, response) or episodes resolved (resolution) in the period, per queue. */
    public record ServiceTime(String queue, String kind, long count, double medianSeconds, double p90Seconds,
            Double metTargetShare) {
    }

    public record QueueCount(String queue, long conversations) {
    }

    /** What one person owns now: waiting on them (assigned), and everything not resolved. */
    public record Workload(String assignee, long waitingOnThem, long open) {
    }

    public Uni<List<Volume>> volumes(Mutiny.Session session, Collection<String> locations, Instant from, Instant to) {
        return session.createNativeQuery("select c.queue_code, m.channel, count(*) from message m"
                + " join conversation c on c.id = m.conversation_id where m.direction = 'inbound'"
                + " and c.location_code in (:locations) and m.occurred_at >= :from and m.occurred_at < :to"
                + " group by c.queue_code, m.channel order by c.queue_code, m.channel", Object[].class)
                .setParameter("locations", locations)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Volume((String) row[0], (String) row[1],
                        ((Number) row[2]).longValue())).toList());
    }

    public Uni<List<ServiceTime>> serviceTimes(Mutiny.Session session, Collection<String> locations, Instant from,
            Instant to) {
        return session.createNativeQuery("select queue_code, kind, count(*),"
                + " percentile_cont(0.5) within group (order by elapsed_seconds),"
                + " percentile_cont(0.9) within group (order by elapsed_seconds),"
                + " avg(case when met_target then 1.0 when not met_target then 0.0 end)"
                + " from service_time where location_code in (:locations) and ended_at >= :from and ended_at < :to"
                + " group by queue_code, kind order by queue_code, kind", Object[].class)
                .setParameter("locations", locations)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new ServiceTime((String) row[0], (String) row[1],
                        ((Number) row[2]).longValue(), ((Number) row[3]).doubleValue(),
                        ((Number) row[4]).doubleValue(), row[5] == null ? null : ((Number) row[5]).doubleValue()))
                        .toList());
    }

    /** Conversations waiting on staff past their response target now, per queue. */
    public Uni<List<QueueCount>> overdue(Mutiny.Session session, Collection<String> locations) {
        return session.createNativeQuery("select queue_code, count(*) from conversation"
                + " where location_code in (:locations) and target_flag = 'overdue'"
                + " group by queue_code order by queue_code", Object[].class)
                .setParameter("locations", locations)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new QueueCount((String) row[0], ((Number) row[1]).longValue()))
                        .toList());
    }

    public Uni<List<Workload>> workload(Mutiny.Session session, Collection<String> locations) {
        return session.createNativeQuery("select assignee, count(*) filter (where status = 'assigned'), count(*)"
                + " from conversation where location_code in (:locations) and assignee is not null"
                + " and status <> 'resolved' group by assignee order by assignee", Object[].class)
                .setParameter("locations", locations)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Workload((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue())).toList());
    }
}
