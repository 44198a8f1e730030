package org.carethread.audit.rest;

import java.util.List;

/** One page of matching entries, oldest first, and how many match in all. */
public record AuditPage(List<AuditEntryView> entries, int page, int size, long total) {
}
