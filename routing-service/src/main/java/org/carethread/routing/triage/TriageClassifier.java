package org.carethread.routing.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Gives every inbound patient message a category and an urgency, with the reasons that led there.
 * <p>
 * Two OpenNLP document categorizers (maximum entropy), one for the category and one for the urgency, are trained
 * when this is constructed from the training part of the shipped corpus ({@code triage/corpus.tsv}), in file order
 * and with fixed parameters, so the same corpus always gives the same models; no model file is stored. The reviewed
 * safety rules ({@code triage/safety-rules.json}) win over the model for urgency: a rule that fires makes the
 * message an emergency with a safety reply ({@code triage/safety-replies.json}). The model never declares an
 * emergency on its own: when it scores emergency highest and no rule fired, the message is urgent, for a person to
 * look at soon.
 * <p>
 * Nothing here logs message text or reasons: reasons quote the patient and are PHI.
 */
@Startup
@ApplicationScoped
public class TriageClassifier {
    private static final Logger LOG = Logger.getLogger(TriageClassifier.class);
    static final String REPLIES_RESOURCE = "triage/safety-replies.json";
    private static final int ITERATIONS = 200;
    private static final double L2_COST = 0.1;
    private static final int PREFIX_LENGTH = 5;

    private final SafetyRules rules;
    private final DoccatModel categories;
    private final DoccatModel urgencies;
    private final LanguageDetector languages = new LanguageDetector();
    private final Map<String, Map<String, String>> replies;
    private final int trainedOn;
    private final long trainingMillis;

    /** Trains on the classpath corpus and loads the classpath rules and replies. */
    public TriageClassifier() {
        this(TriageCorpus.fromClasspath().training(), SafetyRules.fromClasspath(), readReplies());
    }

    TriageClassifier(List<TriageCorpus.Example> training, SafetyRules rules, Map<String, Map<String, String>> replies) {
        long started = System.nanoTime();
        this.rules = rules;
        this.replies = replies;
        List<DocumentSample> byCategory = new ArrayList<>();
        List<DocumentSample> byUrgency = new ArrayList<>();
        for (TriageCorpus.Example example : training) {
            String[] tokens = features(TriageText.of(example.text()));
            byCategory.add(new DocumentSample(example.category().code(), tokens));
            byUrgency.add(new DocumentSample(example.urgency().code(), tokens));
        }
        this.categories = train(byCategory);
        this.urgencies = train(byUrgency);
        this.trainedOn = training.size();
        this.trainingMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Triage classifier trained on %d texts in %d ms; safety rules version %d (%d rules)", trainedOn,
                trainingMillis, rules.version(), rules.rules().size());
    }

    /** For plain tests and the evaluation command: the same classifier the service uses. */
    public static TriageClassifier fromClasspath() {
        return new TriageClassifier();
    }

    public Triage classify(String text) {
        String message = text == null ? "" : text;
        TriageText folded = TriageText.of(message);
        String[] tokens = features(folded);
        String language = languages.detect(message);
        List<String> reasons = new ArrayList<>();

        List<SafetyRules.Finding> findings = rules.scan(folded);
        SafetyRules.Finding decisive = null;
        for (SafetyRules.Finding finding : findings) {
            if (finding.status() == SafetyRules.Status.FIRED) {
                reasons.add("Safety rule " + finding.rule().id() + " (v" + rules.version() + "): \""
                        + finding.matched() + "\"");
                if (decisive == null || finding.rule().urgency().ordinal() < decisive.rule().urgency().ordinal()) {
                    decisive = finding;
                }
            }
        }

        Scored category = best(categories, tokens);
        Category chosen = Category.fromCode(category.first());
        if (decisive != null && decisive.rule().urgency() == Urgency.EMERGENCY
                && chosen != Category.CLINICAL_QUESTION) {
            // The emergency is what must be acted on, whatever else the message asks.
            reasons.add("Category clinical-question: safety rule " + decisive.rule().id() + " fired; " + category);
            chosen = Category.CLINICAL_QUESTION;
        } else {
            reasons.add(category.toString());
        }

        Urgency urgency;
        if (decisive != null) {
            urgency = decisive.rule().urgency();
        } else {
            Scored scored = best(urgencies, tokens);
            urgency = Urgency.fromCode(scored.first());
            if (urgency == Urgency.EMERGENCY) {
                urgency = Urgency.URGENT;
                reasons.add("Urgency urgent: model said " + scored.describe()
                        + " but no safety rule fired; a person should check it soon");
            } else {
                reasons.add("Urgency model: " + scored.describe());
            }
        }
        for (SafetyRules.Finding finding : findings) {
            if (finding.status() == SafetyRules.Status.FIRED) {
                continue;
            }
            String kept = "";
            if (decisive == null && finding.rule().whenNegated() != null) {
                urgency = urgency.atLeast(finding.rule().whenNegated());
                kept = "; kept " + finding.rule().whenNegated().code() + " by that rule";
            }
            if (finding.status() == SafetyRules.Status.NEGATED) {
                reasons.add("Negated: \"" + finding.cue() + " " + finding.matched() + "\" (safety rule "
                        + finding.rule().id() + " did not fire" + kept + ")");
            } else {
                reasons.add("Historical: \"" + finding.matched() + "\" with \"" + finding.cue() + "\" (safety rule "
                        + finding.rule().id() + " did not fire" + kept + ")");
            }
        }
        reasons.add("Language: " + language);
        return new Triage(chosen, urgency, language, reasons, decisive == null ? null : decisive.rule().id(),
                decisive == null ? null : decisive.rule().safetyReply(), rules.version());
    }

    /** What the patient receives at once for a safety reply kind, in their language (English when there is none). */
    public String safetyReplyText(String kind, String language) {
        Map<String, String> byLanguage = replies.get(kind);
        if (byLanguage == null) {
            throw new IllegalArgumentException("Unknown safety reply kind: " + kind);
        }
        return byLanguage.getOrDefault(language, byLanguage.get(LanguageDetector.ENGLISH));
    }

    /** Version of the safety rules in force. */
    public int rulesVersion() {
        return rules.version();
    }

    int trainedOn() {
        return trainedOn;
    }

    long trainingMillis() {
        return trainingMillis;
    }

    /** The best outcome and the runner-up, as a reason line. */
    private record Scored(String first, double firstScore, String second, double secondScore) {
        String describe() {
            return String.format(Locale.ROOT, "%s (%.2f), next %s (%.2f)", first, firstScore, second, secondScore);
        }

        @Override
        public String toString() {
            return "Model: " + describe();
        }
    }

    private static Scored best(DoccatModel model, String[] tokens) {
        // A categorizer is cheap to make and not documented as thread-safe: one per message.
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] scores = categorizer.categorize(tokens);
        int first = -1;
        int second = -1;
        for (int i = 0; i < scores.length; i++) {
            if (first < 0 || scores[i] > scores[first]) {
                second = first;
                first = i;
            } else if (second < 0 || scores[i] > scores[second]) {
                second = i;
            }
        }
        return new Scored(categorizer.getCategory(first), scores[first], categorizer.getCategory(second),
                scores[second]);
    }

    private static DoccatModel train(List<DocumentSample> samples) {
        TrainingParameters params = new TrainingParameters();
        // Maximum entropy fitted by L-BFGS with an L2 penalty: on five-fold cross-validation of the training part it
        // beat GIS, naive Bayes and word bigrams (routing-service/README.md, Triage).
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put("L1Cost", 0.0);
        params.put("L2Cost", L2_COST);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        // In memory: the two-pass indexer would write the training texts' features to a temporary file.
        params.put("DataIndexer", "OnePass");
        // OpenNLP's progress lines say nothing staff or operators need at every start.
        params.put("PrintMessages", false);
        try {
            FeatureGenerator[] features = { new BagOfWordsFeatureGenerator() };
            return DocumentCategorizerME.train("x", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(features));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot train the triage model", e);
        }
    }

    /**
     * The model's words, then lexicon hints ({@link TriageLexicon}), a length bucket and the first letters of the
     * longer words: "cancelar", "cancelled" and "cancellation" share {@code pre=cance}. (These ride in the token
     * stream: OpenNLP re-creates feature generators by class name, and only from its own packages.)
     */
    static String[] features(TriageText text) {
        String[] words = text.modelTokens();
        List<String> features = new ArrayList<>(List.of(words));
        features.addAll(TriageLexicon.hints(text.plainWords()));
        int length = text.plainWords().length;
        features.add(length <= 1 ? "len=1" : length <= 3 ? "len=2-3" : length <= 8 ? "len=4-8" : "len=9+");
        for (String word : words) {
            if (word.length() > PREFIX_LENGTH && Character.isLetter(word.charAt(0))) {
                features.add("pre=" + word.substring(0, PREFIX_LENGTH));
            }
        }
        return features.toArray(String[]::new);
    }

    private static Map<String, Map<String, String>> readReplies() {
        try (InputStream in = resource(REPLIES_RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Map<String, String>> replies = new LinkedHashMap<>();
            for (String kind : SafetyRules.REPLY_KINDS) {
                Map<String, String> byLanguage = new LinkedHashMap<>();
                for (String language : SafetyRules.LANGUAGES) {
                    String reply = root.path(kind).path(language).asText("");
                    if (reply.isBlank()) {
                        throw new IllegalStateException(REPLIES_RESOURCE + ": no " + language + " text for " + kind);
                    }
                    byLanguage.put(language, reply);
                }
                replies.put(kind, byLanguage);
            }
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + REPLIES_RESOURCE, e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader().getResourceAsStream(name)
                : null;
        if (in == null) {
            in = TriageClassifier.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + name);
        }
        return in;
    }
}
