package org.carethread.conversation.service;

import java.util.List;
import java.util.Set;

/**
 * The signed-in staff member as the service needs them: who (Keycloak {@code sub} and username), with which roles,
 * and at which locations they may see conversations.
 */
public record StaffMember(String id, String username, List<String> roles, Set<String> locations) {

    public boolean worksAt(String locationCode) {
        return locations.contains(locationCode);
    }
}
