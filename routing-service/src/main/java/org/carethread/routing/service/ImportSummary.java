package org.carethread.routing.service;

import java.util.List;

/** What an import did: patients created and updated, and each problem of the rows it left out. No PHI. */
public record ImportSummary(int created, int updated, List<Rejection> rejected) {

    /** A problem that kept a row (or entry) out; a row with several problems appears once per problem. */
    public record Rejection(int position, String field, String problem) {
    }
}
