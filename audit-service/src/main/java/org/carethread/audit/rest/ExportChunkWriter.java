package org.carethread.audit.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/** Writes an export's chunks as UTF-8, byte for byte, whatever media type the response declares. */
@Provider
@Produces(MediaType.WILDCARD)
public class ExportChunkWriter implements MessageBodyWriter<ExportChunk> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ExportChunk.class.equals(type);
    }

    @Override
    public void writeTo(ExportChunk chunk, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(chunk.text().getBytes(StandardCharsets.UTF_8));
    }
}
