package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.QueueSetting.ResponseTarget;
import org.carethread.messaging.Timestamps;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Queue settings, their members and response targets; queue {@code *} holds the practice's default targets. */
@ApplicationScoped
public class QueueSettingRepository {
    public static final String PRACTICE_DEFAULT = "*";

    /** The settings of these locations' queues (all queues when locations is null), by queue code. */
    public Uni<List<QueueSetting>> inLocations(Mutiny.Session session, Collection<String> locations) {
        var query = session.createNativeQuery("select queue_code, location_code, assignment, open_cap,"
                + " return_after_minutes, last_assigned, updated_by, updated_at, team from queue_setting"
                + (locations == null ? "" : " where location_code in (:locations)") + " order by queue_code",
                Object[].class);
        if (locations != null) {
            query = query.setParameter("locations", locations);
        }
        return query.getResultList().chain(rows -> members(session).chain(members -> targets(session)
                .map(targets -> rows.stream().map(row -> {
                    String queue = (String) row[0];
                    return new QueueSetting(queue, (String) row[1], (String) row[8], (String) row[2], (Integer) row[3],
                            (Integer) row[4], members.getOrDefault(queue, List.of()), (String) row[5],
                            targets.getOrDefault(queue, List.of()), (String) row[6], Timestamps.instant(row[7]));
                }).toList())));
    }

    public Uni<Void> save(Mutiny.Session session, QueueSetting setting) {
        return session.createNativeQuery("insert into queue_setting (queue_code, location_code, team, assignment,"
                + " open_cap, return_after_minutes, updated_by, updated_at) values (:queue, :location, :team, :assignment,"
                + " :cap, :returnAfter, :by, :at) on conflict (queue_code) do update set location_code ="
                + " excluded.location_code, team = excluded.team, assignment = excluded.assignment, open_cap = excluded.open_cap,"
                + " return_after_minutes = excluded.return_after_minutes, updated_by = excluded.updated_by,"
                + " updated_at = excluded.updated_at")
                .setParameter("queue", setting.queueCode())
                .setParameter("location", setting.locationCode())
                .setParameter("team", setting.team())
                .setParameter("assignment", setting.assignment())
                .setParameter("cap", setting.openCap())
                .setParameter("returnAfter", setting.returnAfterMinutes())
                .setParameter("by", setting.updatedBy())
                .setParameter("at", setting.updatedAt())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("delete from queue_member where queue_code = :queue")
                        .setParameter("queue", setting.queueCode()).executeUpdate())
                .chain(() -> insertMembers(session, setting.queueCode(), setting.members(), 0))
                .chain(() -> saveTargets(session, setting.queueCode(), setting.responseTargets()));
    }

    /** Replaces a queue's (or the practice default's) targets; an empty list leaves the queue on the defaults. */
    public Uni<Void> saveTargets(Mutiny.Session session, String queue, List<ResponseTarget> targets) {
        Uni<Void> chain = session.createNativeQuery("delete from response_target where queue_code = :queue")
                .setParameter("queue", queue).executeUpdate().replaceWithVoid();
        for (ResponseTarget target : targets) {
            chain = chain.chain(() -> session.createNativeQuery("insert into response_target (queue_code, priority,"
                    + " minutes, business_hours) values (:queue, :priority, :minutes, :businessHours)")
                    .setParameter("queue", queue)
                    .setParameter("priority", target.priority())
                    .setParameter("minutes", target.minutes())
                    .setParameter("businessHours", target.businessHours())
                    .executeUpdate().replaceWithVoid());
        }
        return chain;
    }

    /** Every queue's own targets, and the practice default's under {@link #PRACTICE_DEFAULT}. */
    public Uni<Map<String, List<ResponseTarget>>> targets(Mutiny.Session session) {
        return session.createNativeQuery("select queue_code, priority, minutes, business_hours from response_target"
                + " order by queue_code, case priority when 'critical' then 0 when 'high' then 1 when 'normal' then 2"
                + " else 3 end", Object[].class)
                .getResultList()
                .map(rows -> {
                    Map<String, List<ResponseTarget>> byQueue = new HashMap<>();
                    rows.forEach(row -> byQueue.computeIfAbsent((String) row[0], queue -> new ArrayList<>())
                            .add(new ResponseTarget((String) row[1], (Integer) row[2], (Boolean) row[3])));
                    return byQueue;
                });
    }

    public Uni<Void> rememberLastAssigned(Mutiny.Session session, String queue, String username) {
        return session.createNativeQuery("update queue_setting set last_assigned = :user where queue_code = :queue")
                .setParameter("user", username)
                .setParameter("queue", queue)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** How many conversations each person owns that are not resolved: their load, and what the cap counts. */
    public Uni<Map<String, Long>> openLoads(Mutiny.Session session, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.createNativeQuery("select assignee, count(*) from conversation where assignee in (:users)"
                + " and status <> 'resolved' group by assignee", Object[].class)
                .setParameter("users", usernames)
                .getResultList()
                .map(rows -> {
                    Map<String, Long> loads = new HashMap<>();
                    rows.forEach(row -> loads.put((String) row[0], ((Number) row[1]).longValue()));
                    return loads;
                });
    }

    private Uni<Map<String, List<String>>> members(Mutiny.Session session) {
        return session.createNativeQuery("select queue_code, username from queue_member order by queue_code, position",
                Object[].class)
                .getResultList()
                .map(rows -> {
                    Map<String, List<String>> byQueue = new LinkedHashMap<>();
                    rows.forEach(row -> byQueue.computeIfAbsent((String) row[0], queue -> new ArrayList<>())
                            .add((String) row[1]));
                    return byQueue;
                });
    }

    private Uni<Void> insertMembers(Mutiny.Session session, String queue, List<String> members, int from) {
        if (from >= members.size()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("insert into queue_member (queue_code, username, position)"
                + " values (:queue, :user, :position)")
                .setParameter("queue", queue)
                .setParameter("user", members.get(from))
                .setParameter("position", from)
                .executeUpdate()
                .chain(() -> insertMembers(session, queue, members, from + 1));
    }
}
