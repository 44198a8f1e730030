package org.carethread.conversation.service;

/**
 * No file with this id among the attachments of a conversation the caller can see, or its contents were not kept:
 * the same answer either way, so nobody learns that a file exists elsewhere.
 */
public class AttachmentNotFoundException extends RuntimeException {
    public AttachmentNotFoundException() {
        super("attachment not found", null, false, false);
    }
}
