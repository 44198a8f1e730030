package org.carethread.routing.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shipped, synthetic triage corpus {@code triage/corpus.tsv}: a header line, then one patient text a line as
 * {@code id, split (train|heldout), language (en|es), category, urgency, text}, tab-separated, in a fixed order.
 */
final class TriageCorpus {
    static final String RESOURCE = "triage/corpus.tsv";
    static final String HEADER = "id\tsplit\tlanguage\tcategory\turgency\ttext";

    record Example(String id, boolean heldOut, String language, Category category, Urgency urgency, String text) {
    }

    private final List<Example> examples;

    private TriageCorpus(List<Example> examples) {
        this.examples = List.copyOf(examples);
    }

    static TriageCorpus fromClasspath() {
        try (InputStream in = TriageClassifier.resource(RESOURCE)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static TriageCorpus parse(InputStream tsv) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalStateException(RESOURCE + ": the first line must be the header '" + HEADER + "'");
        }
        List<Example> examples = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 6) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 6 tab-separated columns");
            }
            if (!ids.add(columns[0])) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": id " + columns[0] + " is used twice");
            }
            if (!columns[1].equals("train") && !columns[1].equals("heldout")) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": split must be train or heldout");
            }
            if (!SafetyRules.LANGUAGES.contains(columns[2])) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": language must be en or es");
            }
            examples.add(new Example(columns[0], columns[1].equals("heldout"), columns[2],
                    Category.fromCode(columns[3]), Urgency.fromCode(columns[4]), columns[5]));
        }
        return new TriageCorpus(examples);
    }

    List<Example> all() {
        return examples;
    }

    List<Example> training() {
        return examples.stream().filter(e -> !e.heldOut()).toList();
    }

    List<Example> heldOut() {
        return examples.stream().filter(Example::heldOut).toList();
    }
}
