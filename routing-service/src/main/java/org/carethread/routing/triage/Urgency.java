package org.carethread.routing.triage;

import java.util.Locale;

/** How soon a person must look at a message. Declared from most to least urgent. */
public enum Urgency {
    EMERGENCY,
    URGENT,
    ROUTINE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Urgency fromCode(String code) {
        for (Urgency urgency : values()) {
            if (urgency.code().equals(code)) {
                return urgency;
            }
        }
        throw new IllegalArgumentException("Unknown urgency code: " + code);
    }

    /** The more urgent of the two. */
    public Urgency atLeast(Urgency other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
