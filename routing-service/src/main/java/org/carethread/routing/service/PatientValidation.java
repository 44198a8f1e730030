package org.carethread.routing.service;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks and normalises a patient's details, reporting every problem at once, by field. Problems never repeat a
 * value (values are PHI), only where it is and what would be accepted.
 */
public final class PatientValidation {
    static final int NAME_MAX = 100;
    static final int MAX_ADDRESSES = 10;
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Pattern MRN = Pattern.compile("[A-Z0-9][A-Z0-9./-]{0,49}");
    private static final Pattern STAFF_USER = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,50}");
    private static final Pattern LANGUAGE = Pattern.compile("([A-Za-z]{2,3})(-[A-Za-z0-9]{1,8})*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private PatientValidation() {
    }

    /** The patient's details, or every problem with them as an {@link InvalidFieldsException}. */
    public static PatientData check(PatientDraft draft, PatientFields fields, boolean mrnRequired) {
        List<FieldError> errors = new ArrayList<>();
        String given = name(draft.givenName(), fields.givenName(), "given name", errors);
        String family = name(draft.familyName(), fields.familyName(), "family name", errors);
        LocalDate birthDate = birthDate(draft.birthDate(), fields.birthDate(), errors);
        String mrn = mrn(draft.mrn(), fields.mrn(), mrnRequired, errors);
        List<String> phones = phones(draft.phones(), fields.phones(), errors);
        List<String> emails = emails(draft.emails(), fields.emails(), errors);
        String home = blankToNull(draft.homeLocation());
        if (home == null) {
            errors.add(new FieldError(fields.homeLocation(), "is required: the code of the patient's home location,"
                    + " e.g. north (GET /locations lists them)."));
        } else if (!CODE.matcher(home).matches()) {
            errors.add(new FieldError(fields.homeLocation(), "must be a location code: lower-case letters, digits"
                    + " and dashes, e.g. north."));
        }
        String provider = blankToNull(draft.primaryProvider());
        if (provider != null && !STAFF_USER.matcher(provider).matches()) {
            errors.add(new FieldError(fields.primaryProvider(), "must be the provider's staff username (letters,"
                    + " digits and . _ @ -, at most 100)."));
        }
        String team = blankToNull(draft.careTeam());
        if (team != null && !CODE.matcher(team).matches()) {
            errors.add(new FieldError(fields.careTeam(), "must be a care team code: lower-case letters, digits and"
                    + " dashes, e.g. north-team-a."));
        }
        String language = language(draft.preferredLanguage(), fields.preferredLanguage(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new PatientData(given, family, birthDate, mrn, phones, emails, home, provider, team, language);
    }

    /** An MRN as the directory indexes it: trimmed and upper-case; null when blank. */
    public static String normaliseMrn(String raw) {
        String mrn = blankToNull(raw);
        return mrn == null ? null : mrn.toUpperCase(Locale.ROOT);
    }

    public static boolean isMrn(String normalised) {
        return normalised != null && MRN.matcher(normalised).matches();
    }

    private static String name(String raw, String field, String what, List<FieldError> errors) {
        String name = blankToNull(raw);
        if (name == null) {
            errors.add(new FieldError(field, "is required: the patient's " + what + "."));
            return null;
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        if (name.length() > NAME_MAX || CONTROL.matcher(name).find()) {
            errors.add(new FieldError(field, "must be at most " + NAME_MAX + " characters on one line."));
            return null;
        }
        return name;
    }

    private static LocalDate birthDate(String raw, String field, List<FieldError> errors) {
        String text = blankToNull(raw);
        if (text == null) {
            errors.add(new FieldError(field, "is required: the patient's date of birth as YYYY-MM-DD."));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1)) || date.isBefore(EARLIEST_BIRTH_DATE)) {
                errors.add(new FieldError(field, "must be a date between " + EARLIEST_BIRTH_DATE + " and today."));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date written YYYY-MM-DD, e.g. 1984-02-29."));
            return null;
        }
    }

    private static String mrn(String raw, String field, boolean required, List<FieldError> errors) {
        String mrn = normaliseMrn(raw);
        if (mrn == null) {
            if (required) {
                errors.add(new FieldError(field, "is required: rows are matched to patients by their MRN."));
            }
            return null;
        }
        if (!isMrn(mrn)) {
            errors.add(new FieldError(field, "must be 1 to 50 letters, digits, dots, slashes or dashes."));
            return null;
        }
        return mrn;
    }

    private static List<String> phones(List<String> raw, String field, List<FieldError> errors) {
        Set<String> phones = new LinkedHashSet<>();
        List<String> given = present(raw);
        if (given.size() > MAX_ADDRESSES) {
            errors.add(new FieldError(field, "holds more than " + MAX_ADDRESSES + " phone numbers."));
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            try {
                phones.add(ContactAddresses.phone(given.get(i)));
            } catch (ContactAddresses.NotAPhoneNumber e) {
                errors.add(new FieldError(field, ordinal(i + 1) + " phone number " + e.getMessage()
                        + ". Write it with its area code, e.g. (555) 010-0001 or +1 555 010 0001."));
            }
        }
        return List.copyOf(phones);
    }

    private static List<String> emails(List<String> raw, String field, List<FieldError> errors) {
        Set<String> emails = new LinkedHashSet<>();
        List<String> given = present(raw);
        if (given.size() > MAX_ADDRESSES) {
            errors.add(new FieldError(field, "holds more than " + MAX_ADDRESSES + " e-mail addresses."));
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String email = ContactAddresses.email(given.get(i));
            if (email == null) {
                errors.add(new FieldError(field, ordinal(i + 1) + " e-mail address is not an e-mail address"
                        + " (name@example.org)."));
            } else {
                emails.add(email);
            }
        }
        return List.copyOf(emails);
    }

    private static String language(String raw, String field, List<FieldError> errors) {
        String language = blankToNull(raw);
        if (language == null) {
            return null;
        }
        var match = LANGUAGE.matcher(language);
        if (!match.matches()) {
            errors.add(new FieldError(field, "must be a language code such as en or es."));
            return null;
        }
        return match.group(1).toLowerCase(Locale.ROOT);
    }

    private static List<String> present(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return "The " + n + suffix;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
