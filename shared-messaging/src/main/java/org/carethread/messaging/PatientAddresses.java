package org.carethread.messaging;

import java.util.regex.Pattern;

/**
 * Checks a patient's phone number or e-mail address that staff typed to look a patient up (a search, an audit
 * query) before its blind index is taken. Each check answers null when the address will do, otherwise the problem
 * in words; the words name the field, never the value.
 */
public final class PatientAddresses {
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]+$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    /** E.164: a full international number has at most 15 digits; fewer than 7 is no one's number. */
    private static final int MIN_PHONE_DIGITS = 7;
    private static final int MAX_PHONE_DIGITS = 15;
    private static final int MAX_EMAIL_LENGTH = 254;

    private PatientAddresses() {
    }

    public static String phoneProblem(String phone) {
        long digits = phone.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(phone).matches() || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
            return "'phone' must be a full phone number with its country code, for example +1 555 765 4321.";
        }
        return null;
    }

    public static String emailProblem(String email) {
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email.trim()).matches()) {
            return "'email' must be an e-mail address, for example name@example.org.";
        }
        return null;
    }
}
