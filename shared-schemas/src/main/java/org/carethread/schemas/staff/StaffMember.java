package org.carethread.schemas.staff;

import java.util.List;
import java.util.Set;

/**
 * The signed-in staff member as the services need them: who (Keycloak {@code sub} and username), with which realm
 * roles, and at which locations they may see patients and conversations.
 */
public record StaffMember(String id, String username, List<String> roles, Set<String> locations) {

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
}
