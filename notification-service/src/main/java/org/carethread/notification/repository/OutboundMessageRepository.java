package org.carethread.notification.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.carethread.schemas.DeliveryStatus;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** SQL of the outbound_message table; every method runs in the caller's session. */
@ApplicationScoped
public class OutboundMessageRepository {

    public Uni<OutboundMessage> find(Mutiny.Session session, String outboundId) {
        return session.find(OutboundMessage.class, outboundId);
    }

    /** The row locked for this transaction, so two senders never both decide to call the carrier. */
    public Uni<OutboundMessage> findForUpdate(Mutiny.Session session, String outboundId) {
        return session.find(OutboundMessage.class, outboundId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Void> add(Mutiny.Session session, OutboundMessage message) {
        return session.persist(message);
    }

    /** The message a receipt is about: by the carrier's id, else by the client_ref we sent (our outbound id). */
    public Uni<OutboundMessage> findForReceipt(Mutiny.Session session, String providerMessageId, String clientRef) {
        Uni<OutboundMessage> byProviderId = providerMessageId == null ? Uni.createFrom().nullItem()
                : session.createSelectionQuery("from OutboundMessage where providerMessageId = :id", OutboundMessage.class)
                        .setParameter("id", providerMessageId)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getSingleResultOrNull();
        return byProviderId.chain(found -> found != null || clientRef == null ? Uni.createFrom().item(found)
                : findForUpdate(session, clientRef));
    }

    /** Ids of queued messages whose next attempt is due, oldest first. */
    public Uni<List<String>> dueForRetry(Mutiny.Session session, Instant now, int limit) {
        return session.createSelectionQuery("select outboundId from OutboundMessage"
                        + " where status = :queued and nextAttemptAt <= :now order by nextAttemptAt", String.class)
                .setParameter("queued", DeliveryStatus.QUEUED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }
}
