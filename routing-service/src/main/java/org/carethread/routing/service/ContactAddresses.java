package org.carethread.routing.service;

import java.util.Locale;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers and e-mail addresses as the directory keeps them, so their blind index equals the one ingestion
 * computes for a sender: a phone becomes E.164 ({@code +15550100001}; {@code BlindIndex.ofAddress} keeps its digits,
 * exactly the carrier's {@code 15550100001}), an e-mail is trimmed and lower-cased.
 * <p>
 * A number must be a <em>possible</em> number of its region (right length, a country code that exists), not a
 * number libphonenumber knows to be assigned: the practice's demo and sandbox patients text from the unassigned 555
 * area code, and a real carrier only ever delivers numbers that work.
 */
public final class ContactAddresses {
    /** Numbers written without a country code are read as North American. */
    public static final String DEFAULT_REGION = "US";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int EMAIL_MAX_LENGTH = 254;

    private ContactAddresses() {
    }

    /** A phone number that is not one, with why; the message never holds the number. */
    public static class NotAPhoneNumber extends Exception {
        public NotAPhoneNumber(String why) {
            super(why, null, false, false);
        }
    }

    /** The number in E.164, e.g. "(555) 010-0001" and "+1 555 010 0001" both give {@code +15550100001}. */
    public static String phone(String raw) throws NotAPhoneNumber {
        if (raw == null || raw.isBlank()) {
            throw new NotAPhoneNumber("is empty");
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(raw, DEFAULT_REGION);
        } catch (NumberParseException e) {
            throw new NotAPhoneNumber(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "has a country code that does not exist";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short to be a phone number";
                case TOO_LONG -> "is too long to be a phone number";
                default -> "is not a phone number";
            });
        }
        if (number.hasExtension()) {
            throw new NotAPhoneNumber("has an extension; give the number that receives texts, without one");
        }
        ValidationResult possible = PHONES.isPossibleNumberWithReason(number);
        if (possible != ValidationResult.IS_POSSIBLE) {
            throw new NotAPhoneNumber(switch (possible) {
                case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY -> "is too short: give the whole number with its area code";
                case TOO_LONG -> "is too long for its country";
                case INVALID_COUNTRY_CODE -> "has a country code that does not exist";
                default -> "is not a phone number of its country";
            });
        }
        return PHONES.format(number, PhoneNumberFormat.E164);
    }

    /** The address trimmed and lower-cased, or null if it is not an e-mail address. */
    public static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String address = raw.trim().toLowerCase(Locale.ROOT);
        return address.length() <= EMAIL_MAX_LENGTH && EMAIL.matcher(address).matches() ? address : null;
    }
}
