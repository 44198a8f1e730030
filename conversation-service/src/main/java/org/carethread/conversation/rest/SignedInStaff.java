package org.carethread.conversation.rest;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.carethread.schemas.staff.StaffMember;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the staff member from a verified Keycloak token: subject, username, realm roles, and the locations and teams claims. */
@ApplicationScoped
public class SignedInStaff {
    static final String LOCATIONS_CLAIM = "locations";
    static final String TEAMS_CLAIM = "teams";

    private final JsonWebToken token;

    public SignedInStaff(JsonWebToken token) {
        this.token = token;
    }

    public StaffMember current() {
        String username = token.getClaim("preferred_username");
        return new StaffMember(token.getSubject(), username, List.copyOf(token.getGroups()),
                codes(token.getClaim(LOCATIONS_CLAIM)), codes(token.getClaim(TEAMS_CLAIM)));
    }

    /** The staff member's first name as Keycloak has it, for {{staff_first_name}}; null if their profile has none. */
    public String givenName() {
        return token.getClaim("given_name");
    }

    /**
     * The codes a claim lists. A token without the locations claim sees nothing (location scoping fails closed); one
     * without the teams claim works in no team, so it sees only queues that belong to no team.
     */
    private static Set<String> codes(Object claim) {
        Set<String> codes = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString code) {
                    codes.add(code.getString());
                }
            }
        } else if (claim instanceof Collection<?> values) {
            values.forEach(code -> codes.add(String.valueOf(code)));
        } else if (claim instanceof JsonString code) {
            codes.add(code.getString());
        } else if (claim instanceof String code) {
            codes.add(code);
        }
        return Set.copyOf(codes);
    }
}
