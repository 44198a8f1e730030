package org.carethread.ingestion.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.client.CarrierMedia;
import org.carethread.ingestion.mapping.VonageEventMapper;
import org.carethread.ingestion.messaging.CarrierEventPublisher;
import org.carethread.ingestion.rest.VonageInboundMessage;
import org.carethread.schemas.Channels;
import org.carethread.schemas.events.MessageReceived;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * A patient's text or picture message from Vonage. A photo or file (MMS) is fetched from the carrier's media server,
 * its type sniffed from the bytes, and kept if {@link FileKeeping} allows; its caption is the message's text. The
 * message is accepted once, only when its file and its event are in Kafka.
 */
@ApplicationScoped
public class CarrierMessageIntake {
    private static final String UNKNOWN_TYPE = "application/octet-stream";

    private final VonageEventMapper events;
    private final CarrierMedia carrierMedia;
    private final AttachmentInspector inspector;
    private final FileKeeping keeping;
    private final WebhookIntake intake;
    private final Vertx vertx;

    public CarrierMessageIntake(VonageEventMapper events, CarrierMedia carrierMedia, AttachmentInspector inspector,
            FileKeeping keeping, WebhookIntake intake, Vertx vertx) {
        this.events = events;
        this.carrierMedia = carrierMedia;
        this.inspector = inspector;
        this.keeping = keeping;
        this.intake = intake;
        this.vertx = vertx;
    }

    public Uni<WebhookOutcome> accept(VonageInboundMessage inbound) {
        VonageInboundMessage.Media media = inbound.media();
        if (media == null) {
            return intake.accept(events.messageReceived(inbound, List.of()));
        }
        // Fetching and sniffing block: off the event loop, back on it for the database.
        return vertx.executeBlocking(Uni.createFrom().item(() -> withFile(inbound, media)))
                .chain(read -> intake.accept(read.message(), read.files()));
    }

    private Read withFile(VonageInboundMessage inbound, VonageInboundMessage.Media media) {
        CarrierMedia.Fetched fetched = carrierMedia.fetch(media.url(), keeping.maxFileBytes());
        if (fetched.contents() == null) {
            MessageReceived.Attachment described = new MessageReceived.Attachment(null, UNKNOWN_TYPE, 0, null,
                    fetched.notKeptReason());
            return new Read(events.messageReceived(inbound, List.of(described)), List.of());
        }
        byte[] contents = fetched.contents();
        String contentType = inspector.contentType(contents);
        String messageEventId = CarrierEventPublisher.eventIdOf(Channels.SMS, inbound.messageUuid());
        FileKeeping.Kept kept = keeping.keep(messageEventId, List.of(new FileKeeping.Offered(contentType, contents)));
        MessageReceived.Attachment attachment = new MessageReceived.Attachment(events.sealed(media.name()),
                contentType, contents.length, kept.mediaIds().get(0), kept.notKeptReasons().get(0));
        return new Read(events.messageReceived(inbound, List.of(attachment)), kept.files());
    }

    /** The message's event and the file whose contents are kept, published ahead of it. */
    private record Read(MessageReceived message, List<ReceivedFile> files) {
    }
}
