package org.carethread.ingestion.service;

/**
 * A file that came with a patient's message, its contents in hand: published as sealed {@code MediaReceived}
 * pieces ahead of the message that names it in its attachments.
 *
 * @param mediaId     {@code CarrierEventPublisher.mediaIdOf} the message's event id and the file's place
 * @param contentType sniffed from the bytes
 * @param contents    the decoded bytes (PHI: never logged)
 */
public record ReceivedFile(String mediaId, String contentType, byte[] contents) {
}
