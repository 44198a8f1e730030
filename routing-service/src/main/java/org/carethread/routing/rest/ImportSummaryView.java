package org.carethread.routing.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What an import did. Rejections name the row (CSV line number) or entry (FHIR, from 1), the field and why; no PHI. */
public record ImportSummaryView(int created, int updated, List<Rejection> rejected) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rejection(Integer row, Integer entry, String field, String problem) {
    }
}
