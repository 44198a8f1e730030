package org.carethread.schemas.staff;

import java.util.List;
import java.util.Set;

/**
 * The Keycloak realm roles of practice staff (deploy/keycloak's realm), as every staff API checks them and audit
 * events name them.
 */
public final class StaffRoles {
    public static final String FRONT_DESK = "front-desk";
    public static final String SCHEDULING = "scheduling";
    public static final String BILLING = "billing";
    public static final String NURSE = "nurse";
    public static final String PROVIDER = "provider";
    public static final String SUPERVISOR = "supervisor";
    public static final String PRACTICE_ADMIN = "practice-admin";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";

    public static final Set<String> ALL = Set.of(FRONT_DESK, SCHEDULING, BILLING, NURSE, PROVIDER, SUPERVISOR,
            PRACTICE_ADMIN, COMPLIANCE_OFFICER);

    private StaffRoles() {
    }

    /** The staff roles among a token's groups, sorted, as audit events name them. */
    public static List<String> of(StaffMember staff) {
        return staff.roles().stream().filter(ALL::contains).sorted().toList();
    }
}
