package org.carethread.conversation.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.QueueSetting;
import org.carethread.conversation.repository.QueueSetting.ResponseTarget;
import org.carethread.conversation.repository.QueueSettingRepository;
import org.carethread.schemas.staff.StaffMember;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * How the practice admin sets up each queue: auto-assignment (none, round robin, least loaded) among named members
 * with a cap, the return timer, and response targets per priority; plus the practice's default targets. Only queues
 * at the admin's own locations.
 */
@ApplicationScoped
public class QueueSettings {
    private final Mutiny.SessionFactory sessions;
    private final QueueSettingRepository queues;
    private final PracticeSchedule schedule;

    public QueueSettings(Mutiny.SessionFactory sessions, QueueSettingRepository queues, PracticeSchedule schedule) {
        this.sessions = sessions;
        this.queues = queues;
        this.schedule = schedule;
    }

    /**
     * The queues set up at the caller's locations, the practice's default targets, and who is out of office now (as
     * routing announced it), whom auto-assignment passes by.
     */
    public record Setup(List<QueueSetting> queues, List<ResponseTarget> defaultTargets, Set<String> staffAway) {
    }

    public Uni<Setup> setup(StaffMember staff) {
        return sessions.withSession(session -> queues.inLocations(session, staff.locations())
                .chain(settings -> queues.targets(session)
                        .chain(targets -> schedule.awayAt(session, Instant.now())
                                .map(away -> new Setup(settings,
                                        targets.getOrDefault(QueueSettingRepository.PRACTICE_DEFAULT, List.of()),
                                        new TreeSet<>(away))))));
    }

    /** Saves a queue's setup; the location must be one of the admin's, else it is as if the queue did not exist. */
    public Uni<QueueSetting> save(StaffMember staff, String queueCode, String locationCode, String team,
            String assignment, Integer openCap, Integer returnAfterMinutes, List<String> members,
            List<ResponseTarget> targets) {
        if (!staff.locations().contains(locationCode)) {
            return Uni.createFrom().failure(new QueueNotFoundException());
        }
        QueueSetting setting = new QueueSetting(queueCode, locationCode, team, assignment, openCap, returnAfterMinutes,
                members, null, targets, staff.name(), Instant.now());
        return sessions.withTransaction(session -> queues.inLocations(session, null)
                .chain(all -> {
                    boolean elsewhere = all.stream().anyMatch(queue -> queue.queueCode().equals(queueCode)
                            && !staff.locations().contains(queue.locationCode()));
                    if (elsewhere) {
                        // another location's queue: not the caller's to change, and not theirs to know of
                        return Uni.createFrom().failure(new QueueNotFoundException());
                    }
                    return queues.save(session, setting);
                }))
                .replaceWith(setting);
    }

    public Uni<List<ResponseTarget>> saveDefaultTargets(List<ResponseTarget> targets) {
        return sessions.withTransaction(session -> queues.saveTargets(session, QueueSettingRepository.PRACTICE_DEFAULT,
                targets)).replaceWith(targets);
    }
}
