package org.carethread.routing.service;

/** What the directory refuses, each answered by the REST layer with its own problem document. */
public final class DirectoryExceptions {
    private DirectoryExceptions() {
    }

    /** No such patient among those the staff member may see (or no such patient at all: answered alike). */
    public static class PatientNotFound extends RuntimeException {
        public PatientNotFound() {
            super("patient not found", null, false, false);
        }
    }

    /** The patient changed since the version the caller edited. */
    public static class PatientChanged extends RuntimeException {
        private final long currentVersion;

        public PatientChanged(long currentVersion) {
            super("patient changed", null, false, false);
            this.currentVersion = currentVersion;
        }

        public long currentVersion() {
            return currentVersion;
        }
    }

    /** Another patient already has the MRN. */
    public static class DuplicateMrn extends RuntimeException {
        public DuplicateMrn() {
            super("duplicate MRN", null, false, false);
        }
    }

    public static class ReviewNotFound extends RuntimeException {
        public ReviewNotFound() {
            super("identity review not found", null, false, false);
        }
    }

    public static class ReviewResolved extends RuntimeException {
        public ReviewResolved() {
            super("identity review resolved", null, false, false);
        }
    }

    public static class LinkNotFound extends RuntimeException {
        public LinkNotFound() {
            super("patient link not found", null, false, false);
        }
    }

    public static class LinkEnded extends RuntimeException {
        public LinkEnded() {
            super("patient link already unlinked", null, false, false);
        }
    }

    /** An import file that is empty or cannot be read as its content type; the detail says why, without data. */
    public static class UnreadableImport extends RuntimeException {
        public UnreadableImport(String detail) {
            super(detail, null, false, false);
        }
    }
}
