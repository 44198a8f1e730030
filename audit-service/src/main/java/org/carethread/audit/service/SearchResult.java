package org.carethread.audit.service;

import java.util.List;

import org.carethread.audit.repository.AuditEntry;

/** One page of a compliance search and how many entries match in all. */
public record SearchResult(List<AuditEntry> entries, long total) {
}
