package org.carethread.routing.service;

import java.util.List;

/**
 * One patient of an import file: where it is (a CSV row's line number, a FHIR bundle's entry number, from 1), the
 * patient as written, and what was already wrong while reading it.
 */
public record ImportRow(int position, PatientDraft draft, List<FieldError> problems) {
}
