package org.carethread.routing.rest;

import java.util.regex.Pattern;

/** Location codes from a request are checked before they reach the database. */
final class LocationCodes {
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,50}");

    private LocationCodes() {
    }

    static void check(String code) {
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.badLocationCode();
        }
    }

    static String checked(String code) {
        check(code);
        return code;
    }
}
