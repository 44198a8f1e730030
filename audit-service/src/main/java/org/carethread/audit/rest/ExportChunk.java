package org.carethread.audit.rest;

/**
 * A piece of an export's body, already in its final form (CSV lines or JSON text). Its own type, so that
 * {@link ExportChunkWriter} writes it as is: a plain String would be JSON-quoted under the API's JSON media type.
 */
public record ExportChunk(String text) {
}
