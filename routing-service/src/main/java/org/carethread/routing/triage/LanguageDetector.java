package org.carethread.routing.triage;

import java.util.Set;

/**
 * English or Spanish, by counting each language's common words (folded: no accents). Spanish punctuation
 * ({@code ¿ ¡}) and the letter ñ count for Spanish. A tie, such as "ok" or "?", is English: the practice's
 * default language.
 */
final class LanguageDetector {
    static final String ENGLISH = "en";
    static final String SPANISH = "es";

    private static final Set<String> EN = Set.of("the", "an", "i", "im", "ive", "id", "my", "to", "is", "it",
            "its", "and", "for", "of", "you", "your", "can", "need", "have", "has", "had", "in", "on", "at", "this",
            "that", "with", "please", "pls", "plz", "thanks", "thank", "thx", "what", "when", "how", "do", "does",
            "did", "be", "was", "are", "will", "would", "could", "should", "just", "get", "got", "from", "about",
            "not", "dont", "cant", "wont", "still", "there", "they", "he", "she", "his", "her", "him", "we", "our",
            "appointment", "appt", "refill", "bill", "results", "hi", "hello", "hey", "yes", "want", "help", "today",
            "tomorrow", "up", "out", "if", "or", "but", "so", "after", "before", "like", "any", "some", "all", "been",
            "am", "why", "where", "who", "which", "into", "over", "now", "again", "since", "than", "then",
            "off", "sorry", "k", "lol", "pain", "feel", "feels", "sick", "doctor", "dr", "son", "daughter", "mom",
            "dad", "wife", "husband", "kid", "baby", "cancel", "schedule", "see", "come", "know", "take", "took");
    private static final Set<String> ES = Set.of("el", "la", "los", "las", "de", "del", "que", "y", "en", "un",
            "una", "unos", "unas", "por", "para", "con", "mi", "mis", "tu", "su", "sus", "se", "es", "esta", "estoy",
            "tengo", "tiene", "tienen", "necesito", "quiero", "quisiera", "puedo", "puede", "pueden",
            "gracias", "hola", "favor", "porfa", "porfavor", "cita", "citas", "cuando", "donde", "como", "hoy",
            "manana", "ya", "muy", "pero", "mas", "al", "lo", "le", "les", "yo", "usted", "ustedes", "hijo", "hija",
            "mama", "papa", "esposo", "esposa", "dolor", "receta", "seguro", "cuanto", "cuesta", "buenos", "buenas",
            "dias", "tardes", "noches", "pecho", "respirar", "sangre", "fiebre", "medicina", "ayuda", "tambien",
            "ahora", "hace", "desde", "sin", "nada", "algo", "todo", "todos", "bien", "mal", "otra", "otro", "si",
            "fue", "son", "estan", "hay", "soy", "eres", "somos", "cual", "quien", "porque", "pues", "entonces",
            "bebe", "nino", "nina", "abuela", "abuelo", "doctora", "medico", "enfermera", "consulta", "resultados",
            "pastillas", "farmacia", "vomitando", "te", "nos", "va", "voy", "vamos", "hablan", "espanol");

    String detect(String rawText) {
        String raw = rawText == null ? "" : rawText;
        int en = 0;
        int es = 0;
        if (raw.indexOf('\u00bf') >= 0 || raw.indexOf('\u00a1') >= 0) {
            es += 2;
        }
        if (raw.indexOf('\u00f1') >= 0 || raw.indexOf('\u00d1') >= 0) {
            es += 2;
        }
        for (String token : TriageText.of(raw).tokens()) {
            if (EN.contains(token)) {
                en++;
            }
            if (ES.contains(token)) {
                es++;
            }
        }
        return es > en ? SPANISH : ENGLISH;
    }
}
