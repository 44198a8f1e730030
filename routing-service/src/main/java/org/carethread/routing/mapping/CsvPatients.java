package org.carethread.routing.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.carethread.routing.service.DirectoryExceptions.UnreadableImport;
import org.carethread.routing.service.FieldError;
import org.carethread.routing.service.ImportRow;
import org.carethread.routing.service.PatientDraft;
import org.carethread.routing.service.PatientImport;

/**
 * Reads a patient CSV file (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes).
 * The header names the columns, in any order: {@code mrn, given_name, family_name, birth_date, phones, emails,
 * home_location, primary_provider, care_team, preferred_language}; several phones or e-mails are separated by
 * {@code ;}. A row's position is its line number in the file, the header being line 1, as a spreadsheet shows it.
 */
public final class CsvPatients {
    public static final List<String> COLUMNS = List.of("mrn", "given_name", "family_name", "birth_date", "phones",
            "emails", "home_location", "primary_provider", "care_team", "preferred_language");
    static final List<String> REQUIRED = List.of("mrn", "given_name", "family_name", "birth_date", "home_location");

    private CsvPatients() {
    }

    public static List<ImportRow> read(String text) {
        List<Record> records = records(text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new UnreadableImport("The file is empty. Send a CSV file whose first line is the header ("
                    + String.join(",", COLUMNS) + ") and one patient per line after it.");
        }
        List<String> header = records.get(0).cells().stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
        Set<String> unknown = new LinkedHashSet<>(header);
        COLUMNS.forEach(unknown::remove);
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty() || new LinkedHashSet<>(header).size() != header.size()) {
            throw new UnreadableImport("The first line must be the header, each column once, with the columns "
                    + String.join(",", COLUMNS) + " (" + String.join(", ", REQUIRED) + " required)."
                    + (missing.isEmpty() ? "" : " Missing: " + String.join(", ", missing) + ".")
                    + (unknown.isEmpty() ? "" : " Not a column: " + String.join(", ", unknown) + "."));
        }
        if (records.size() - 1 > PatientImport.MAX_ROWS) {
            throw new UnreadableImport("The file has more than " + PatientImport.MAX_ROWS
                    + " patients. Split it into smaller files.");
        }
        if (records.size() == 1) {
            throw new UnreadableImport("The file has a header but no patients.");
        }
        List<ImportRow> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.cells().size() != header.size()) {
                rows.add(new ImportRow(record.line(), null, List.of(new FieldError("row", "has "
                        + record.cells().size() + " fields; the header has " + header.size()
                        + ". Put fields holding commas in double quotes."))));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), record.cells().get(i));
            }
            rows.add(new ImportRow(record.line(), new PatientDraft(cells.get("given_name"), cells.get("family_name"),
                    cells.get("birth_date"), cells.get("mrn"), list(cells.get("phones")), list(cells.get("emails")),
                    cells.get("home_location"), cells.get("primary_provider"), cells.get("care_team"),
                    cells.get("preferred_language")), List.of()));
        }
        return rows;
    }

    private static List<String> list(String cell) {
        return cell == null || cell.isBlank() ? List.of()
                : Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A record of the file and the line it starts on. */
    record Record(int line, List<String> cells) {
    }

    /** Splits the text into records; blank lines are skipped. An unclosed quote makes the file unreadable. */
    static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean sawAnything = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                sawAnything = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                sawAnything = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (sawAnything || !cell.toString().isBlank()) {
                    cells.add(cell.toString());
                    records.add(new Record(recordLine, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                sawAnything = false;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
                if (!Character.isWhitespace(c)) {
                    sawAnything = true;
                }
            }
        }
        if (quoted) {
            throw new UnreadableImport("A quoted field starting on line " + recordLine
                    + " is never closed. Check the double quotes in that row.");
        }
        if (sawAnything || !cell.toString().isBlank()) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
