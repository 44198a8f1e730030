package org.carethread.conversation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.QueueSetting.ResponseTarget;
import org.carethread.conversation.repository.QueueSettingRepository;
import org.carethread.schemas.practice.OpeningHours;

/**
 * The practice's response targets and locations' hours at one moment: when a waiting patient is due an answer, and
 * when that is near. A queue's own target for the priority wins over the practice default. A business-hours target
 * counts only opening hours; for a location whose hours routing has not announced, it counts around the clock (the
 * safe side: flagged early rather than late).
 */
record ResponseTargets(Map<String, List<ResponseTarget>> targets, Map<String, OpeningHours> hours) {
    /** Share of the target used when a wait is flagged as approaching. */
    static final double APPROACHING_AT = 0.8;

    /** When staff should have answered, and when that is approaching; null while nobody waits on staff. */
    record Due(Instant approachingAt, Instant dueAt) {
        String flagAt(Instant now) {
            if (!now.isBefore(dueAt)) {
                return "overdue";
            }
            return !now.isBefore(approachingAt) ? "approaching" : null;
        }
    }

    Due dueOf(Conversation conversation) {
        if (!conversation.waitsOnStaff()) {
            return null;
        }
        ResponseTarget target = targetFor(conversation.queueCode, Conversation.priorityOf(conversation.priority));
        if (target == null) {
            return null;
        }
        Duration whole = Duration.ofMinutes(target.minutes());
        Duration approaching = Duration.ofSeconds((long) (whole.toSeconds() * APPROACHING_AT));
        OpeningHours open = target.businessHours() ? hours.get(conversation.locationCode) : null;
        Instant start = conversation.clockStartedAt;
        if (open == null) {
            return new Due(start.plus(approaching), start.plus(whole));
        }
        Instant dueAt = open.plusBusinessTime(start, whole);
        if (dueAt == null) {
            return null; // the location never opens again: no target can fall due
        }
        return new Due(open.plusBusinessTime(start, approaching), dueAt);
    }

    private ResponseTarget targetFor(String queue, String priority) {
        ResponseTarget own = find(targets.get(queue), priority);
        return own != null ? own : find(targets.get(QueueSettingRepository.PRACTICE_DEFAULT), priority);
    }

    private static ResponseTarget find(List<ResponseTarget> list, String priority) {
        return list == null ? null
                : list.stream().filter(target -> target.priority().equals(priority)).findFirst().orElse(null);
    }
}
