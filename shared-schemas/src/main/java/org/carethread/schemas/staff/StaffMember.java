package org.carethread.schemas.staff;

import java.util.List;
import java.util.Set;

/**
 * The signed-in staff member as the services need them: who (Keycloak {@code sub} and username), with which realm
 * roles, at which locations they may see patients and conversations, and which teams they work in (a queue the
 * practice gives to a team is worked, and read, by that team).
 */
public record StaffMember(String id, String username, List<String> roles, Set<String> locations, Set<String> teams) {
    /** Roles that oversee the practice: they see every team's queues at their locations. */
    private static final Set<String> OVERSEERS = Set.of(StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN,
            StaffRoles.COMPLIANCE_OFFICER);

    /** How colleagues and the records know them: the username, or the subject for a token without one. */
    public String name() {
        return username != null ? username : id;
    }

    /** A conversation's assignee names them by username or by subject. */
    public boolean is(String assignee) {
        return assignee != null && (assignee.equals(username) || assignee.equals(id));
    }

    public boolean worksAt(String locationCode) {
        return locations.contains(locationCode);
    }

    /** Supervisors, practice admins and compliance officers are not limited to their own teams' queues. */
    public boolean seesEveryTeam() {
        return roles.stream().anyMatch(OVERSEERS::contains);
    }
}
