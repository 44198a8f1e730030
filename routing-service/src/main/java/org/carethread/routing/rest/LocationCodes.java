package org.carethread.routing.rest;

import java.util.regex.Pattern;

import org.carethread.schemas.staff.StaffMember;

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

    /** A location the staff member works at; any other answers as one that does not exist. */
    static String ofStaff(String code, StaffMember staff) {
        check(code);
        if (!staff.worksAt(code)) {
            throw ProblemException.unknownLocation(code);
        }
        return code;
    }
}
