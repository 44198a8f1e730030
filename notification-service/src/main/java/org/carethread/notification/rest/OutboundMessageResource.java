package org.carethread.notification.rest;

import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.notification.mapping.OutboundMessageMapper;
import org.carethread.notification.repository.OutboundMessageRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Read-only view of delivery progress for operators; staff see the same through conversation-service. */
@Path("/outbound-messages")
@Produces(MediaType.APPLICATION_JSON)
public class OutboundMessageResource {
    private static final Pattern OUTBOUND_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Mutiny.SessionFactory sessions;
    private final OutboundMessageRepository messages;

    public OutboundMessageResource(Mutiny.SessionFactory sessions, OutboundMessageRepository messages) {
        this.sessions = sessions;
        this.messages = messages;
    }

    @GET
    @Path("/{outboundId}")
    @Operation(summary = "Delivery progress of one outbound message",
            description = "Status, carrier id, attempts and failure reason. Never the number or the text.")
    @APIResponse(responseCode = "200", description = "The message is known",
            content = @Content(schema = @Schema(implementation = OutboundMessageView.class)))
    @APIResponse(responseCode = "400", description = "The id is not an outbound id",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No message was requested under this id",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<OutboundMessageView> get(@PathParam("outboundId") String outboundId) {
        if (!OUTBOUND_ID.matcher(outboundId).matches()) {
            throw new Problems.InvalidOutboundId();
        }
        return sessions.withSession(session -> messages.find(session, outboundId))
                .onItem().ifNull().failWith(() -> new Problems.UnknownOutbound(outboundId))
                .map(OutboundMessageMapper::toView);
    }
}
