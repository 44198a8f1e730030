package org.carethread.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {"intact": true, "entries": N}} or {@code {"intact": false, "firstBrokenSeq": S, "problem": "…"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainStatus(boolean intact, Long entries, Long firstBrokenSeq, String problem) {
}
