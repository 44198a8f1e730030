package org.carethread.notification.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * How each practice number presents itself in consent confirmations and HELP answers, e.g.
 * {@code carethread.practices.numbers."15550001001".name=North Clinic}. A number not listed uses the defaults.
 */
@ConfigMapping(prefix = "carethread.practices")
public interface PracticeDirectory {
    /** Practice number (digits, as the carrier sends it) → how the practice is named and reached. */
    Map<String, Practice> numbers();

    /** For a number not listed: a sending number added at the carrier before it was configured here. */
    Practice fallback();

    default Practice of(String practiceNumber) {
        return numbers().getOrDefault(practiceNumber, fallback());
    }

    interface Practice {
        /** The name patients know, e.g. "North Clinic". */
        String name();

        /** The phone line HELP points to. */
        String phone();
    }
}
