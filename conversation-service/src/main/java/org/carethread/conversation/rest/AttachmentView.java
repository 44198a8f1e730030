package org.carethread.conversation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A file that came with a patient's message, as staff see it beside the message.
 *
 * @param fileName      the name the sender gave it (opened), or null
 * @param contentType   sniffed from its bytes when it arrived, not taken from its name
 * @param mediaId       its id in {@code /attachments/{mediaId}} and {@code .../thumbnail}; null when not kept
 * @param state         ready (download it), arriving (pieces still on their way) or not-kept
 * @param notKeptReason for not-kept: why, in words for staff (no PHI); may be null when the sender did not say
 * @param thumbnail     whether {@code .../thumbnail} has a small picture of it
 */
public record AttachmentView(String fileName, String contentType, int sizeBytes, String mediaId,
        @Schema(enumeration = { AttachmentView.READY, AttachmentView.ARRIVING, AttachmentView.NOT_KEPT }) String state,
        @Schema(nullable = true) String notKeptReason, boolean thumbnail) {
    public static final String READY = "ready";
    public static final String ARRIVING = "arriving";
    public static final String NOT_KEPT = "not-kept";
}
