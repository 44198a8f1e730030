package org.carethread.audit.rest;

import java.util.List;

/** One page of a conversation's reads, newest first, and how many reads there are in all. */
public record ReadersPage(String conversationId, List<ReaderView> readers, int page, int size, long total) {
}
