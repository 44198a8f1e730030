package org.carethread.routing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The classifier as the service builds it: trained on the corpus' training part with the shipped rules. */
class TriageClassifierTest {
    private static TriageClassifier classifier;

    @BeforeAll
    static void train() {
        classifier = TriageClassifier.fromClasspath();
    }

    @Test
    void refillIsRoutineRefill() {
        Triage triage = classifier.classify("Hi, can you send a refill of my lisinopril to the pharmacy? thx");
        assertEquals(Category.REFILL, triage.category());
        assertEquals(Urgency.ROUTINE, triage.urgency());
        assertEquals("en", triage.language());
        assertNull(triage.safetyRuleId());
        assertNull(triage.safetyReply());
        assertFalse(triage.reasons().isEmpty());
        assertTrue(triage.reasons().stream().anyMatch(r -> r.startsWith("Model: refill (")), triage.reasons()
                .toString());
    }

    @Test
    void negatedChestPainIsARoutineRefill() {
        Triage triage = classifier.classify("no chest pain, just need my refill");
        assertEquals(Category.REFILL, triage.category());
        assertEquals(Urgency.ROUTINE, triage.urgency());
        assertNull(triage.safetyRuleId());
        assertTrue(triage.reasons().contains("Negated: \"no chest pain\" (safety rule chest-pain did not fire)"),
                triage.reasons().toString());
    }

    @Test
    void pastStrokeWithFormsIsRoutineRecordsForms() {
        Triage triage = classifier.classify("my dad had a stroke in 2019, need forms for his disability parking");
        assertEquals(Category.RECORDS_FORMS, triage.category());
        assertEquals(Urgency.ROUTINE, triage.urgency());
        assertNull(triage.safetyReply());
        assertTrue(triage.reasons().stream().anyMatch(r -> r.startsWith("Historical: \"stroke\"")));
    }

    @Test
    void chestPainIsAnEmergencyWithThe911Reply() {
        Triage triage = classifier.classify("Crushing chest pain for 15 minutes and my left arm is numb");
        assertEquals(Category.CLINICAL_QUESTION, triage.category());
        assertEquals(Urgency.EMERGENCY, triage.urgency());
        assertEquals("chest-pain", triage.safetyRuleId());
        assertEquals("call-911", triage.safetyReply());
        assertEquals(classifier.rulesVersion(), triage.rulesVersion());
        assertTrue(triage.reasons().get(0).startsWith("Safety rule chest-pain (v" + triage.rulesVersion() + "): \""),
                triage.reasons().toString());
    }

    @Test
    void spanishEmergencyAnswersInSpanish() {
        Triage triage = classifier.classify("Mi esposo no puede respirar y tiene los labios morados");
        assertEquals("es", triage.language());
        assertEquals(Urgency.EMERGENCY, triage.urgency());
        assertEquals("breathing", triage.safetyRuleId());
        assertEquals("call-911", triage.safetyReply());
        assertTrue(classifier.safetyReplyText(triage.safetyReply(), triage.language()).startsWith("Si esto es una "
                + "emergencia, llame al 911"));
    }

    @Test
    void suicidalThoughtsGetThe988Reply() {
        Triage triage = classifier.classify("i just want to die, i can't do this anymore");
        assertEquals(Urgency.EMERGENCY, triage.urgency());
        assertEquals("suicidal-thoughts", triage.safetyRuleId());
        assertEquals("call-988", triage.safetyReply());
        assertTrue(classifier.safetyReplyText("call-988", "en").contains("988"));
        assertTrue(classifier.safetyReplyText("call-988", "es").contains("988"));
    }

    @Test
    void deniedSuicidalThoughtsStayUrgentWithoutAReply() {
        Triage triage = classifier.classify("I'm not suicidal but I've been really low, can someone call me");
        assertEquals(Urgency.URGENT, triage.urgency());
        assertNull(triage.safetyReply());
        assertTrue(triage.reasons().stream().anyMatch(r -> r.contains("kept urgent by that rule")));
    }

    @Test
    void multiIntentWithAnEmergencyPicksTheEmergency() {
        Triage triage = classifier.classify("also need to move my appt next week but right now I'm having chest "
                + "pressure and sweating");
        assertEquals(Category.CLINICAL_QUESTION, triage.category());
        assertEquals(Urgency.EMERGENCY, triage.urgency());
    }

    @Test
    void multiIntentPicksTheActionableOne() {
        Triage triage = classifier.classify("thanks for seeing me yesterday! also I need to cancel my appointment "
                + "on friday");
        assertEquals(Category.CANCELLATION, triage.category());
    }

    @Test
    void categoriesOfEverydayMessages() {
        assertEquals(Category.SCHEDULING, classifier.classify("can I book a physical next week?").category());
        assertEquals(Category.BILLING, classifier.classify("why was I charged twice for my copay").category());
        assertEquals(Category.TEST_RESULTS, classifier.classify("are my blood test results back?").category());
        assertEquals(Category.GENERAL, classifier.classify("what are your hours on saturday").category());
        assertEquals(Category.CANCELLATION, classifier.classify("necesito cancelar mi cita del lunes").category());
    }

    @Test
    void infantFeverIsUrgent() {
        Triage triage = classifier.classify("my 5 week old baby has a fever of 100.9");
        assertEquals(Category.CLINICAL_QUESTION, triage.category());
        assertEquals(Urgency.URGENT, triage.urgency());
    }

    @Test
    void veryShortMessagesAreRoutineEnglish() {
        for (String text : new String[] { "?", "ok thx", "", null }) {
            Triage triage = classifier.classify(text);
            assertEquals(Urgency.ROUTINE, triage.urgency(), String.valueOf(text));
            assertEquals("en", triage.language());
            assertFalse(triage.reasons().isEmpty());
        }
    }

    @Test
    void toStringNeverShowsTheReasons() {
        Triage triage = classifier.classify("no chest pain, just need my refill");
        assertFalse(triage.toString().contains("chest"), triage.toString());
    }

    @Test
    void trainingIsDeterministic() {
        TriageClassifier again = TriageClassifier.fromClasspath();
        for (TriageCorpus.Example example : TriageCorpus.fromClasspath().heldOut()) {
            assertEquals(classifier.classify(example.text()), again.classify(example.text()), example.id());
        }
    }

    @Test
    void heldOutTargetsAreMet() {
        TriageCorpus corpus = TriageCorpus.fromClasspath();
        assertTrue(corpus.all().size() >= 600, "the corpus has at least 600 texts");
        TriageEvaluation.Report report = TriageEvaluation.evaluate(classifier, corpus.heldOut());
        assertEquals(1.0, report.recall(EnumSet.of(Urgency.EMERGENCY)), "emergency recall on held-out texts; "
                + "misses: " + report.urgencyMisses);
        assertTrue(report.emergencyPrecisionMet(), "emergency precision " + report.precision(EnumSet.of(
                Urgency.EMERGENCY)));
        assertTrue(report.urgentPrecisionMet(), "urgent precision " + report.precision(EnumSet.of(Urgency.URGENT)));
        assertTrue(report.categoryAccuracyMet(), "category accuracy " + report.categoryAccuracy() + "; misses: "
                + report.categoryMisses);
    }
}
