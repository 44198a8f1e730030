package org.carethread.conversation.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carethread.conversation.repository.QueueSetting;

/**
 * Who auto-assignment gives a queue's next conversation to: a member who is not away, is under the queue's cap and is
 * not the one it is being taken from. Round robin goes to the next such member after the last one given work; least
 * loaded to the one owning fewest conversations (ties in the queue's member order). Null when nobody can take it, and
 * the conversation waits in the queue.
 */
final class AssignmentChoice {
    private AssignmentChoice() {
    }

    /** @param lastAssigned round robin: who was given the last one (the queue's, or one given since in this run) */
    static String next(QueueSetting queue, String lastAssigned, Map<String, Long> loads, Set<String> away,
            String passOver) {
        List<String> members = queue.members();
        List<String> able = new ArrayList<>();
        for (String member : members) {
            if (!away.contains(member) && !member.equals(passOver)
                    && queue.underCap(loads.getOrDefault(member, 0L))) {
                able.add(member);
            }
        }
        if (able.isEmpty()) {
            return null;
        }
        if (QueueSetting.LEAST_LOADED.equals(queue.assignment())) {
            return able.stream().min(Comparator.comparingLong(member -> loads.getOrDefault(member, 0L))).orElseThrow();
        }
        int last = members.indexOf(lastAssigned);
        for (int step = 1; step <= members.size(); step++) {
            String candidate = members.get(Math.floorMod(last + step, members.size()));
            if (able.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
