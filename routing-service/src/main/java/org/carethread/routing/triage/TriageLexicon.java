package org.carethread.routing.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words a front desk knows point to a kind of message ("copay" is billing, "receta" is a refill), written from
 * domain knowledge rather than learnt. Each adds a hint feature such as {@code kw=billing} to the model's features,
 * so a message whose exact words the corpus never had still leans the right way; the model decides how much a hint
 * weighs. An entry is a folded word stem: a word matches when it starts with the stem (stems of three letters or
 * fewer must match whole), or a phrase of several words that must occur as is.
 */
final class TriageLexicon {
    private static final Map<String, List<String>> HINTS = new LinkedHashMap<>();

    static {
        hint("scheduling", "appointment", "book", "schedul", "slot", "opening", "availab", "checkup", "check up",
                "physical", "come in", "soonest", "earliest", "first available", "calendar", "new patient", "set up",
                "agendar", "sacar una cita", "hacer una cita", "disponible", "primera cita", "chequeo", "examen");
        hint("cancellation", "cancel", "reschedul", "resched", "rebook", "postpone", "push", "move my", "move the",
                "move it", "cant make", "wont make", "cant come", "not gonna make", "instead", "another day",
                "different day", "another time", "change my", "switch my", "missed", "no show", "cancelar", "cancele",
                "reprogram", "mover", "cambiar", "no puedo ir", "no voy", "no llego", "otro dia", "perdi");
        hint("refill", "refill", "prescription", "pharmac", "ran out", "run out", "running low", "out of my",
                "called in", "call in", "send in", "renew", "supply", "pills left", "inhaler", "insulin", "mg",
                "cvs", "walgreens", "mail order", "prior auth", "farmacia", "receta", "resurt", "surtir", "pastillas",
                "se me acabo", "se me termin", "me quedan");
        hint("billing", "bill", "charg", "copay", "co pay", "payment", "pay", "paid", "refund", "balance",
                "insurance", "deductible", "claim", "eob", "invoice", "statement", "cost", "price", "fee", "owe",
                "hsa", "fsa", "medicaid", "medicare", "in network", "covered", "cover the", "coverage", "aetna",
                "cigna", "blue cross", "united health", "collections", "financial", "self pay", "cash", "credit card",
                "factura", "cobr", "pago", "pagar", "seguro", "cuenta", "cuesta", "cuanto debo", "descuento",
                "reclamo", "dinero");
        hint("test-results", "result", "lab", "bloodwork", "blood work", "blood test", "test", "biopsy", "mri",
                "xray", "x ray", "ct scan", "scan", "ultrasound", "mammogram", "a1c", "cholesterol", "potassium",
                "hemoglobin", "tsh", "psa", "egfr", "panel", "flagged", "abnormal", "culture", "pathology", "levels",
                "came back", "come back", "resultado", "analisis", "laboratorio", "radiografia", "ultrasonido",
                "mamografia", "salio", "salieron", "prueba");
        hint("records-forms", "record", "form", "paperwork", "letter", "note for", "doctors note", "work note",
                "fax", "copy", "sign", "fmla", "disability", "dmv", "clearance", "release", "immunization",
                "expediente", "formulario", "forma de", "carta", "nota medica", "papeles", "registro", "historial",
                "firma", "placard", "excuse");
        hint("clinical-question", "pain", "hurt", "fever", "cough", "rash", "symptom", "side effect", "is it normal",
                "is it safe", "ok to take", "can i take", "should i", "vomit", "throw up", "threw up", "diarrhea",
                "swollen", "swelling", "sore", "dizzy", "headache", "nausea", "infect", "dolor", "fiebre", "tos",
                "diarrea", "duele", "sintoma", "es normal", "puedo tomar", "mareo", "vomit");
        hint("general", "hours", "open", "address", "park", "portal", "password", "phone number", "thank", "thanks",
                "hello", "interpreter", "spanish", "wheelchair", "directions", "email", "office", "closed", "holiday",
                "staff", "practice", "wifi", "located", "horario", "abren", "direccion", "gracias", "hola",
                "estacion", "interprete", "espanol", "abiertos");
        hint("urgent", "worse", "worsening", "critical", "pus", "infected", "streak", "dizzy", "cant keep",
                "keep down", "blurry", "not moving", "tonight", "since yesterday", "urgent", "asap", "help",
                "getting bigger", "smells", "denied", "transplant", "blood thinner", "newborn", "weeks old",
                "month old", "peor", "critico", "infectad", "urgente", "no se le baja", "esta noche", "hoy");
    }

    private TriageLexicon() {
    }

    private static void hint(String tag, String... entries) {
        HINTS.put(tag, List.of(entries));
    }

    /** One {@code kw=tag} feature for each hint that the words carry (at most once per tag). */
    static List<String> hints(String[] words) {
        String joined = " " + String.join(" ", words) + " ";
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : HINTS.entrySet()) {
            for (String stem : entry.getValue()) {
                if (matches(stem, words, joined)) {
                    out.add("kw=" + entry.getKey());
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            out.add("kw=none");
        }
        return out;
    }

    private static boolean matches(String stem, String[] words, String joined) {
        if (stem.indexOf(' ') >= 0) {
            return joined.contains(" " + stem + " ");
        }
        for (String word : words) {
            if (stem.length() <= 3 ? word.equals(stem) : word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }
}
