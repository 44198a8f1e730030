package org.carethread.routing.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A patient message folded for matching: lower case, accents and apostrophes dropped ("Can't" is {@code cant},
 * "Está" is {@code esta}), letters repeated three times or more cut to two ({@code pleaseee} is {@code pleasee}),
 * words and numbers ({@code 100.8}, {@code 2:30}, {@code 182/110}) as tokens, clause punctuation ({@code , . ; ! ?})
 * as tokens of its own, and each emoji as a token. Safety rules match the tokens joined by single spaces.
 */
final class TriageText {
    static final Set<String> PUNCTUATION = Set.of(",", ".", ";", "!", "?");
    static final Set<String> SENTENCE_ENDS = Set.of(".", ";", "!", "?");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u2018`\u00b4\u02bc]");
    private static final Pattern FEVER = Pattern.compile("(9[89]|10[0-6])(\\.\\d)?|(3[89]|4[01])\\.\\d");

    /** Spellings, abbreviations and slang patients use, mapped to one word the model learns once. */
    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("appt", "appointment"), Map.entry("appts", "appointment"), Map.entry("apt", "appointment"),
            Map.entry("apointment", "appointment"), Map.entry("appointmnt", "appointment"),
            Map.entry("appoinment", "appointment"), Map.entry("appointments", "appointment"),
            Map.entry("rx", "prescription"), Map.entry("script", "prescription"),
            Map.entry("prescriptions", "prescription"), Map.entry("refil", "refill"), Map.entry("refills", "refill"),
            Map.entry("refilled", "refill"), Map.entry("pls", "please"), Map.entry("plz", "please"),
            Map.entry("pleasee", "please"), Map.entry("thx", "thanks"), Map.entry("thanx", "thanks"),
            Map.entry("ty", "thanks"), Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"),
            Map.entry("2morrow", "tomorrow"), Map.entry("tomorow", "tomorrow"), Map.entry("u", "you"),
            Map.entry("ur", "your"), Map.entry("dr", "doctor"), Map.entry("doc", "doctor"),
            Map.entry("meds", "medication"), Map.entry("med", "medication"), Map.entry("medicine", "medication"),
            Map.entry("medications", "medication"), Map.entry("resched", "reschedule"),
            Map.entry("rescheduling", "reschedule"), Map.entry("cancelling", "cancel"),
            Map.entry("canceling", "cancel"), Map.entry("cancelled", "cancel"), Map.entry("labs", "lab"),
            Map.entry("pt", "patient"), Map.entry("wks", "weeks"), Map.entry("w", "with"),
            Map.entry("bp", "pressure"), Map.entry("porfa", "favor"), Map.entry("porfavor", "favor"),
            Map.entry("kiero", "quiero"), Map.entry("xq", "porque"), Map.entry("q", "que"),
            Map.entry("medicina", "medicamento"), Map.entry("medicinas", "medicamento"),
            Map.entry("medicamentos", "medicamento"), Map.entry("citas", "cita"), Map.entry("resultados", "resultado"));

    /** Words after which the next few words are marked as negated for the model ("no chest pain"). */
    private static final Set<String> MODEL_NEGATIONS = Set.of("no", "not", "dont", "doesnt", "didnt", "never",
            "without", "isnt", "arent", "wasnt", "sin", "ni", "nunca");
    private static final Set<String> MODEL_NEGATION_ENDS = Set.of("but", "pero", "just", "solo", "only", "and", "y");
    private static final int MODEL_NEGATION_WORDS = 3;

    private final List<String> tokens;

    private TriageText(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    static TriageText of(String message) {
        String text = message == null ? "" : message;
        text = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        text = APOSTROPHES.matcher(text).replaceAll("");
        return new TriageText(tokenize(text));
    }

    /** The tokens: words, numbers, punctuation and emoji. */
    List<String> tokens() {
        return tokens;
    }

    /** The tokens joined by single spaces: what safety rule patterns match. */
    String matchText() {
        return String.join(" ", tokens);
    }

    /** Words and emoji, spelling-normalised, without negation marks or number shapes. */
    String[] plainWords() {
        return tokens.stream().filter(t -> !PUNCTUATION.contains(t)).map(t -> SPELLINGS.getOrDefault(t, t))
                .toArray(String[]::new);
    }

    /** Words only, spelling-normalised, numbers by shape, words after a negation marked {@code not_}. */
    String[] modelTokens() {
        List<String> words = new ArrayList<>();
        int negatedLeft = 0;
        for (String token : tokens) {
            if (PUNCTUATION.contains(token)) {
                negatedLeft = 0;
                continue;
            }
            String word = modelWord(token);
            if (MODEL_NEGATION_ENDS.contains(word)) {
                negatedLeft = 0;
            }
            if (negatedLeft > 0 && !MODEL_NEGATIONS.contains(word)) {
                words.add("not_" + word);
                negatedLeft--;
            } else {
                words.add(word);
            }
            if (MODEL_NEGATIONS.contains(word)) {
                negatedLeft = MODEL_NEGATION_WORDS;
            }
        }
        if (words.isEmpty()) {
            words.add("_empty_");
        }
        return words.toArray(String[]::new);
    }

    private static String modelWord(String token) {
        if (Character.isDigit(token.charAt(0))) {
            if (token.contains("/")) {
                return "_num_slash_";
            }
            if (token.contains(":")) {
                return "_num_time_";
            }
            return FEVER.matcher(token).matches() ? "_num_fever_" : "_num_";
        }
        return SPELLINGS.getOrDefault(token, token);
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if ((cp == '.' || cp == ',' || cp == ':' || cp == '/') && endsWithDigit(word) && next < text.length()
                    && Character.isDigit(text.codePointAt(next))) {
                word.appendCodePoint(cp);
            } else {
                flush(word, out);
                if (cp == ',' || cp == '.' || cp == ';' || cp == '!' || cp == '?') {
                    addPunctuation(String.valueOf((char) cp), out);
                } else if (cp == '\n' || cp == '\r') {
                    addPunctuation(".", out);
                } else if (isEmoji(cp)) {
                    out.add(new String(Character.toChars(cp)));
                }
            }
            i = next;
        }
        flush(word, out);
        return out;
    }

    private static boolean endsWithDigit(StringBuilder word) {
        return word.length() > 0 && Character.isDigit(word.charAt(word.length() - 1));
    }

    private static void addPunctuation(String mark, List<String> out) {
        if (!out.isEmpty() && PUNCTUATION.contains(out.get(out.size() - 1))) {
            // "?!" and "..." are one boundary; a sentence end wins over a comma.
            if (SENTENCE_ENDS.contains(mark)) {
                out.set(out.size() - 1, mark);
            }
            return;
        }
        out.add(mark);
    }

    private static boolean isEmoji(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || (cp >= 0x1F000 && type != Character.MODIFIER_SYMBOL
                && type != Character.FORMAT && type != Character.UNASSIGNED);
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() == 0) {
            return;
        }
        out.add(collapseRepeats(word.toString()));
        word.setLength(0);
    }

    /** "pleaseeee" and "sooo" are typed for emphasis: three or more of a letter become two. */
    private static String collapseRepeats(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            run = i > 0 && word.charAt(i - 1) == c ? run + 1 : 1;
            if (run <= 2 || Character.isDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
