package org.carethread.conversation.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carethread.conversation.service.AttachmentNotFoundException;
import org.carethread.conversation.service.ConversationAttachments;
import org.carethread.conversation.service.ConversationAttachments.OpenedFile;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The files patients sent, for staff who may read the conversation. The file goes out with headers that keep a
 * browser from running it: a download (audio alone may play in place), its type never sniffed, a sandbox policy,
 * and nothing kept in a cache.
 */
@Path("/api/conversations/{id}/attachments/{mediaId}")
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN, StaffRoles.COMPLIANCE_OFFICER })
@Tag(name = "Conversations")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such file in a conversation the caller may read",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The file's pieces are still arriving",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AttachmentResource {
    /** Types a browser shows without running anything; any other file goes out as plain bytes. */
    private static final Set<String> NAMED_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "image/heic", "image/heif", "application/pdf", "text/plain");
    private static final String FALLBACK_NAME = "attachment";

    private final ConversationAttachments attachments;
    private final SignedInStaff staff;

    public AttachmentResource(ConversationAttachments attachments, SignedInStaff staff) {
        this.attachments = attachments;
        this.staff = staff;
    }

    @GET
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A file a patient sent, opened (audited)",
            description = "Recorded as a PHI access (attachment.downloaded) on the audit log; if it cannot be"
                    + " recorded, nothing is served. Content-Disposition attachment (inline for audio, for the"
                    + " player), X-Content-Type-Options nosniff, Cache-Control no-store.")
    @APIResponse(responseCode = "200", description = "The file's bytes exactly as the patient sent them")
    public Uni<Response> download(@PathParam("id") String id, @PathParam("mediaId") String mediaId,
            @Context HttpServerRequest request) {
        return attachments.download(staff.current(), ConversationResource.conversationId(id), mediaId(mediaId),
                ConversationResource.clientAddress(request))
                .map(file -> served(file, file.contentType().startsWith("audio/") ? "inline" : "attachment"));
    }

    @GET
    @Path("/thumbnail")
    @Produces("image/png")
    @Operation(summary = "A small picture of a photo a patient sent (audited)",
            description = "Longest side at most 240 px, PNG. Recorded as a PHI access (attachment.thumbnail-viewed)."
                    + " 404 for files without one (not an image, or one that could not be read).")
    @APIResponse(responseCode = "200", description = "The thumbnail")
    public Uni<Response> thumbnail(@PathParam("id") String id, @PathParam("mediaId") String mediaId,
            @Context HttpServerRequest request) {
        return attachments.thumbnail(staff.current(), ConversationResource.conversationId(id), mediaId(mediaId),
                ConversationResource.clientAddress(request))
                .map(file -> served(file, "inline"));
    }

    private static Response served(OpenedFile file, String disposition) {
        String type = NAMED_TYPES.contains(file.contentType()) || file.contentType().startsWith("audio/")
                ? file.contentType() : MediaType.APPLICATION_OCTET_STREAM;
        return Response.ok(file.contents(), type)
                .header("Content-Disposition", contentDisposition(disposition, file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_LENGTH, file.contents().length)
                .build();
    }

    /** RFC 6266: a plain ASCII name for old clients and the exact name in UTF-8 ({@code filename*}). */
    static String contentDisposition(String disposition, String fileName) {
        String name = fileName == null || fileName.isBlank() ? FALLBACK_NAME : fileName.strip();
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** A malformed id cannot name a file, so it is answered like any unknown one. */
    private static UUID mediaId(String id) {
        UUID parsed = ConversationResource.parse(id);
        if (parsed == null) {
            throw new AttachmentNotFoundException();
        }
        return parsed;
    }
}
