package org.carethread.routing.triage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trains the triage classifier on the corpus' training part, classifies its held-out part and prints how well it
 * did against the targets: emergency recall 100%, emergency and urgent precision at least 85%, category accuracy at
 * least 90%. Prints ids, never texts. Always exits 0: it reports, the tests assert.
 * <p>
 * {@code ./mvnw -q -pl routing-service exec:java@triage-evaluation} (after {@code ./mvnw -q install -DskipTests}).
 */
public final class TriageEvaluation {
    static final double EMERGENCY_RECALL_TARGET = 1.0;
    static final double PRECISION_TARGET = 0.85;
    static final double CATEGORY_ACCURACY_TARGET = 0.90;

    private TriageEvaluation() {
    }

    /** What the classifier did on a set of labelled examples. */
    static final class Report {
        final int total;
        final long classifyNanos;
        final Map<Category, int[]> byCategory = new EnumMap<>(Category.class);
        final Map<String, Integer> confusions = new TreeMap<>();
        final int[][] urgencies = new int[Urgency.values().length][Urgency.values().length];
        final List<String> categoryMisses = new ArrayList<>();
        final List<String> urgencyMisses = new ArrayList<>();
        int categoryCorrect;
        int languageCorrect;

        Report(int total, long classifyNanos) {
            this.total = total;
            this.classifyNanos = classifyNanos;
        }

        double categoryAccuracy() {
            return total == 0 ? Double.NaN : (double) categoryCorrect / total;
        }

        /** Of the messages predicted in {@code positive}, the share truly in it. */
        double precision(Set<Urgency> positive) {
            int predicted = 0;
            int right = 0;
            for (Urgency truth : Urgency.values()) {
                for (Urgency guess : positive) {
                    predicted += urgencies[truth.ordinal()][guess.ordinal()];
                    right += positive.contains(truth) ? urgencies[truth.ordinal()][guess.ordinal()] : 0;
                }
            }
            return predicted == 0 ? Double.NaN : (double) right / predicted;
        }

        /** Of the messages truly in {@code positive}, the share predicted in it. */
        double recall(Set<Urgency> positive) {
            int actual = 0;
            int found = 0;
            for (Urgency truth : positive) {
                for (Urgency guess : Urgency.values()) {
                    actual += urgencies[truth.ordinal()][guess.ordinal()];
                    found += positive.contains(guess) ? urgencies[truth.ordinal()][guess.ordinal()] : 0;
                }
            }
            return actual == 0 ? Double.NaN : (double) found / actual;
        }

        boolean emergencyRecallMet() {
            return recall(EnumSet.of(Urgency.EMERGENCY)) >= EMERGENCY_RECALL_TARGET;
        }

        boolean emergencyPrecisionMet() {
            return precision(EnumSet.of(Urgency.EMERGENCY)) >= PRECISION_TARGET;
        }

        boolean urgentPrecisionMet() {
            return precision(EnumSet.of(Urgency.URGENT)) >= PRECISION_TARGET;
        }

        boolean categoryAccuracyMet() {
            return categoryAccuracy() >= CATEGORY_ACCURACY_TARGET;
        }
    }

    static Report evaluate(TriageClassifier classifier, List<TriageCorpus.Example> examples) {
        List<Triage> results = new ArrayList<>();
        long started = System.nanoTime();
        for (TriageCorpus.Example example : examples) {
            results.add(classifier.classify(example.text()));
        }
        Report report = new Report(examples.size(), System.nanoTime() - started);
        for (int i = 0; i < examples.size(); i++) {
            TriageCorpus.Example example = examples.get(i);
            Triage triage = results.get(i);
            int[] counts = report.byCategory.computeIfAbsent(example.category(), c -> new int[2]);
            counts[1]++;
            if (triage.category() == example.category()) {
                counts[0]++;
                report.categoryCorrect++;
            } else {
                report.confusions.merge(example.category().code() + " -> " + triage.category().code(), 1,
                        Integer::sum);
                report.categoryMisses.add(example.id());
            }
            report.urgencies[example.urgency().ordinal()][triage.urgency().ordinal()]++;
            if (triage.urgency() != example.urgency()) {
                report.urgencyMisses.add(example.id() + " (" + example.urgency().code() + " -> "
                        + triage.urgency().code() + ")");
            }
            if (triage.language().equals(example.language())) {
                report.languageCorrect++;
            }
        }
        return report;
    }

    public static void main(String[] args) {
        TriageCorpus corpus = TriageCorpus.fromClasspath();
        long started = System.nanoTime();
        TriageClassifier classifier = TriageClassifier.fromClasspath();
        double trainingMs = (System.nanoTime() - started) / 1e6;
        List<TriageCorpus.Example> heldOut = corpus.heldOut();
        classifier.classify("warm-up");
        Report report = evaluate(classifier, heldOut);

        System.out.println("== CareThread triage: held-out evaluation ==");
        long spanish = corpus.all().stream().filter(e -> e.language().equals("es")).count();
        System.out.printf(Locale.ROOT, "Corpus: %d texts (%d Spanish), %d train, %d held out; safety rules v%d%n",
                corpus.all().size(), spanish, classifier.trainedOn(), heldOut.size(), classifier.rulesVersion());
        System.out.printf(Locale.ROOT, "Held out by urgency: %d emergency, %d urgent, %d routine%n",
                count(heldOut, Urgency.EMERGENCY), count(heldOut, Urgency.URGENT), count(heldOut, Urgency.ROUTINE));
        System.out.printf(Locale.ROOT, "Wall time: start-up with training %.0f ms (models %d ms); classification "
                + "%.3f ms per message (%d messages)%n", trainingMs, classifier.trainingMillis(),
                report.classifyNanos / 1e6 / Math.max(1, report.total), report.total);

        System.out.println();
        System.out.println("Category accuracy (held out):");
        for (Map.Entry<Category, int[]> entry : report.byCategory.entrySet()) {
            int[] c = entry.getValue();
            System.out.printf(Locale.ROOT, "  %-18s %3d/%-3d %6.1f%%%n", entry.getKey().code(), c[0], c[1],
                    100.0 * c[0] / c[1]);
        }
        System.out.printf(Locale.ROOT, "  %-18s %3d/%-3d %6.1f%%%n", "overall", report.categoryCorrect, report.total,
                100 * report.categoryAccuracy());
        System.out.println("Category confusions (truth -> predicted: count):");
        if (report.confusions.isEmpty()) {
            System.out.println("  none");
        }
        report.confusions.forEach((pair, n) -> System.out.printf(Locale.ROOT, "  %-40s %d%n", pair, n));

        System.out.println();
        System.out.println("Urgency (rows truth, columns predicted):");
        System.out.printf(Locale.ROOT, "  %-10s %10s %10s %10s%n", "", "emergency", "urgent", "routine");
        for (Urgency truth : Urgency.values()) {
            int[] row = report.urgencies[truth.ordinal()];
            System.out.printf(Locale.ROOT, "  %-10s %10d %10d %10d%n", truth.code(), row[0], row[1], row[2]);
        }
        printPr(report, "emergency", EnumSet.of(Urgency.EMERGENCY));
        printPr(report, "urgent", EnumSet.of(Urgency.URGENT));
        printPr(report, "urgent-or-emergency", EnumSet.of(Urgency.URGENT, Urgency.EMERGENCY));
        System.out.printf(Locale.ROOT, "Language: %d/%d right (%.1f%%)%n", report.languageCorrect, report.total,
                100.0 * report.languageCorrect / Math.max(1, report.total));

        System.out.println();
        System.out.println("Targets:");
        System.out.printf(Locale.ROOT, "  emergency recall     = 100%%   %6.1f%%  %s%n",
                100 * report.recall(EnumSet.of(Urgency.EMERGENCY)), mark(report.emergencyRecallMet()));
        System.out.printf(Locale.ROOT, "  emergency precision >= 85%%    %6.1f%%  %s%n",
                100 * report.precision(EnumSet.of(Urgency.EMERGENCY)), mark(report.emergencyPrecisionMet()));
        System.out.printf(Locale.ROOT, "  urgent precision    >= 85%%    %6.1f%%  %s%n",
                100 * report.precision(EnumSet.of(Urgency.URGENT)), mark(report.urgentPrecisionMet()));
        System.out.printf(Locale.ROOT, "  category accuracy   >= 90%%    %6.1f%%  %s%n",
                100 * report.categoryAccuracy(), mark(report.categoryAccuracyMet()));

        System.out.println();
        System.out.println("Misclassified held-out ids (texts are not printed):");
        System.out.println("  category: " + (report.categoryMisses.isEmpty() ? "none"
                : String.join(", ", report.categoryMisses)));
        System.out.println("  urgency:  " + (report.urgencyMisses.isEmpty() ? "none"
                : String.join(", ", report.urgencyMisses)));
    }

    private static long count(List<TriageCorpus.Example> examples, Urgency urgency) {
        return examples.stream().filter(e -> e.urgency() == urgency).count();
    }

    private static void printPr(Report report, String label, Set<Urgency> positive) {
        System.out.printf(Locale.ROOT, "  %-20s precision %6.1f%%  recall %6.1f%%%n", label,
                100 * report.precision(positive), 100 * report.recall(positive));
    }

    private static String mark(boolean met) {
        return met ? "PASS" : "MISS";
    }
}
