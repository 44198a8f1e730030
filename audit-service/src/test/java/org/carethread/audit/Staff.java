package org.carethread.audit;

import java.util.List;

import org.carethread.localinfra.StaffTokens;

/** Bearer tokens of the staff members the tests act as. */
final class Staff {
    private Staff() {
    }

    static String complianceOfficer(String username) {
        return bearer(username, "compliance-officer");
    }

    static String supervisor(String username) {
        return bearer(username, "supervisor");
    }

    static String frontDesk(String username) {
        return bearer(username, "front-desk");
    }

    private static String bearer(String username, String role) {
        return "Bearer " + StaffTokens.issue(username, List.of(role), List.of("north"));
    }
}
