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

/** Reads the staff member from a verified Keycloak token: subject, username, realm roles and the locations claim. */
@ApplicationScoped
public class SignedInStaff {
    static final String LOCATIONS_CLAIM = "locations";

    private final JsonWebToken token;

    public SignedInStaff(JsonWebToken token) {
        this.token = token;
    }

    public StaffMember current() {
        String username = token.getClaim("preferred_username");
        return new StaffMember(token.getSubject(), username, List.copyOf(token.getGroups()),
                locations(token.getClaim(LOCATIONS_CLAIM)));
    }

    /** The staff member's first name as Keycloak has it, for {{staff_first_name}}; null if their profile has none. */
    public String givenName() {
        return token.getClaim("given_name");
    }

    /** A token without the claim sees nothing: location scoping fails closed. */
    private static Set<String> locations(Object claim) {
        Set<String> locations = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString code) {
                    locations.add(code.getString());
                }
            }
        } else if (claim instanceof Collection<?> codes) {
            codes.forEach(code -> locations.add(String.valueOf(code)));
        } else if (claim instanceof JsonString code) {
            locations.add(code.getString());
        } else if (claim instanceof String code) {
            locations.add(code);
        }
        return Set.copyOf(locations);
    }
}
