package org.carethread.routing.service;

import java.util.List;
import java.util.Set;

/**
 * The signed-in staff member: Keycloak {@code sub} and username, realm roles, and the locations whose patients they
 * may see.
 */
public record StaffMember(String id, String username, List<String> roles, Set<String> locations) {

    /** How colleagues and the records know them: the username, or the subject for a token without one. */
    public String name() {
        return username != null ? username : id;
    }

    public boolean worksAt(String locationCode) {
        return locations.contains(locationCode);
    }
}
