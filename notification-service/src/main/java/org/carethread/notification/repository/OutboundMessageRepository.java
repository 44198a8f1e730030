package org.carethread.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.carethread.schemas.DeliveryStatus;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** SQL of the outbound_message table; every method runs in the caller's session. */
@ApplicationScoped
public class OutboundMessageRepository {
    /** Ready to go: never tried yet, or its retry is due. Claimed rows wait for their lease like retries do. */
    private static final String READY = "status = :queued and (attempts = 0 or nextAttemptAt <= :now)";

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

    /** Senders (practice numbers and mailboxes) with a queued message whose next attempt is due. */
    public Uni<List<String>> sendersWithDueMessages(Mutiny.Session session, Instant now) {
        return session.createSelectionQuery("select distinct practiceNumber from OutboundMessage"
                        + " where status = :queued and nextAttemptAt <= :now", String.class)
                .setParameter("queued", DeliveryStatus.QUEUED)
                .setParameter("now", now)
                .getResultList();
    }

    /** The oldest ready message of one sender, locked; null if its queue is empty. */
    public Uni<OutboundMessage> nextInQueue(Mutiny.Session session, String practiceNumber, Instant now) {
        return session.createSelectionQuery("from OutboundMessage where practiceNumber = :number and " + READY
                        + " order by requestedAt, outboundId", OutboundMessage.class)
                .setParameter("number", practiceNumber)
                .setParameter("queued", DeliveryStatus.QUEUED)
                .setParameter("now", now)
                .setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResultOrNull();
    }

    /** How many ready messages each sender has queued (senders with none are absent). */
    public Uni<Map<String, Long>> readyPerSender(Mutiny.Session session, Instant now) {
        return session.createSelectionQuery("select practiceNumber, count(*) from OutboundMessage where " + READY
                        + " group by practiceNumber", Object[].class)
                .setParameter("queued", DeliveryStatus.QUEUED)
                .setParameter("now", now)
                .getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1])));
    }
}
