package org.carethread.conversation.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply template's words with {{variables}}: which variables it uses, whether they are ones CareThread knows, and the
 * text with the values filled in. A reply is never sent with a variable left unfilled or empty.
 */
public final class TemplateText {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** Every variable a template may use: filled from the conversation, the signed-in staff member and the practice. */
    public enum Variable {
        PATIENT_FIRST_NAME("patient_first_name", "the patient's first name, from the patient directory", false),
        STAFF_FIRST_NAME("staff_first_name", "your first name", false),
        LOCATION_NAME("location_name", "the clinic's name", false),
        LOCATION_PHONE("location_phone", "the clinic's phone number", false),
        PRACTICE_NAME("practice_name", "the practice's name", false),
        APPOINTMENT_TIME("appointment_time", "the appointment's time, as you enter it (e.g. Friday 10:00 am)", true),
        APPOINTMENT_DATE("appointment_date", "the appointment's date, as you enter it", true);

        private final String code;
        private final String description;
        private final boolean entered;

        Variable(String code, String description, boolean entered) {
            this.code = code;
            this.description = description;
            this.entered = entered;
        }

        public String code() {
            return code;
        }

        public String description() {
            return description;
        }

        /** Entered by the staff member when answering (in {@code values}), not known to CareThread. */
        public boolean entered() {
            return entered;
        }

        public static Variable of(String code) {
            for (Variable variable : values()) {
                if (variable.code.equals(code)) {
                    return variable;
                }
            }
            return null;
        }

        public static List<String> codes() {
            return java.util.Arrays.stream(values()).map(Variable::code).toList();
        }
    }

    /** The text with what could be filled filled; {@code missing} lists variables without a value, in order. */
    public record Rendered(String text, List<String> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    private TemplateText() {
    }

    /** The variables the body uses, in order of first use, as written (known or not). */
    public static Set<String> variablesIn(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(body);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * What is wrong with a template body, as sentences for the person writing it; empty when it is fine. Unknown
     * variables and stray braces are refused when the template is saved, so they never reach a patient.
     */
    public static List<String> problemsIn(String body) {
        List<String> problems = new ArrayList<>();
        List<String> unknown = variablesIn(body).stream().filter(name -> Variable.of(name) == null).toList();
        if (!unknown.isEmpty()) {
            problems.add("Unknown variable" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown.stream()
                    .map(name -> "{{" + name + "}}").toList()) + "; the variables are " + String.join(", ",
                            Variable.codes()) + ".");
        }
        String withoutVariables = VARIABLE.matcher(body).replaceAll("");
        if (withoutVariables.contains("{{") || withoutVariables.contains("}}")) {
            problems.add("Unmatched {{ or }}; write variables as {{patient_first_name}}.");
        }
        return problems;
    }

    /**
     * Fills the body's variables from {@code values} (by variable code). A variable without a value, or with a blank
     * one, stays as written and is named in {@code missing}.
     */
    public static Rendered render(String body, Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(body);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null || value.isBlank()) {
                if (!missing.contains(matcher.group(1))) {
                    missing.add(matcher.group(1));
                }
                matcher.appendReplacement(text, Matcher.quoteReplacement(matcher.group()));
            } else {
                matcher.appendReplacement(text, Matcher.quoteReplacement(value.strip()));
            }
        }
        matcher.appendTail(text);
        return new Rendered(text.toString(), List.copyOf(missing));
    }
}
