package org.carethread.notification.service;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the SMS consent keywords carriers define. Conservative on purpose: only a message that is exactly one
 * keyword counts, in any case, with surrounding spaces and punctuation ("Stop", "stop.", " STOP! ", "Opt-Out").
 * "Stop please" or "please stop calling me about the bill" is a message for staff and opts nothing out: a patient
 * who means to stop is told by the opt-in confirmation and the HELP answer to reply with the bare keyword. Of the
 * opt-in words, only START and UNSTOP count; YES is an everyday answer to staff and would resubscribe by accident.
 */
public final class ConsentKeywords {
    /** What a keyword asks for. */
    public enum Intent {
        OPT_OUT,
        OPT_IN,
        HELP
    }

    /** A recognised keyword in its normal form (stored in the ledger; never the patient's own text). */
    public record Keyword(String word, Intent intent) {
    }

    private static final Map<String, Intent> KEYWORDS = Map.ofEntries(
            Map.entry("stop", Intent.OPT_OUT),
            Map.entry("stopall", Intent.OPT_OUT),
            Map.entry("unsubscribe", Intent.OPT_OUT),
            Map.entry("cancel", Intent.OPT_OUT),
            Map.entry("end", Intent.OPT_OUT),
            Map.entry("quit", Intent.OPT_OUT),
            Map.entry("revoke", Intent.OPT_OUT),
            Map.entry("opt out", Intent.OPT_OUT),
            Map.entry("optout", Intent.OPT_OUT),
            Map.entry("opt-out", Intent.OPT_OUT),
            Map.entry("start", Intent.OPT_IN),
            Map.entry("unstop", Intent.OPT_IN),
            Map.entry("help", Intent.HELP),
            Map.entry("info", Intent.HELP));

    /** Punctuation, symbols and spaces around the word (Unicode-aware: "¡STOP!" and "“stop”" count too). */
    private static final Pattern SURROUNDING = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ConsentKeywords() {
    }

    public static Optional<Keyword> recognise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = SPACES.matcher(SURROUNDING.matcher(text.strip()).replaceAll("")).replaceAll(" ")
                .toLowerCase(Locale.ROOT);
        Intent intent = KEYWORDS.get(word);
        return intent == null ? Optional.empty() : Optional.of(new Keyword(word, intent));
    }
}
