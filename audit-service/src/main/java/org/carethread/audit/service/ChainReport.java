package org.carethread.audit.service;

/** Outcome of walking the whole chain: intact with its length, or where and how it first breaks. */
public record ChainReport(boolean intact, long entries, Long firstBrokenSeq, ChainVerifier.Problem problem) {
}
