package org.carethread.conversation.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Message;
import org.carethread.conversation.repository.MessageRepository;
import org.carethread.schemas.crypto.PhiCipher;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Makes messages stored before search existed searchable: indexes their words in batches, each message marked done in
 * the transaction that adds its terms, so the job can stop anywhere (a restart, a second instance) and resume where it
 * left off. Messages stored since are indexed when they are stored, so once the backlog is gone a run finds nothing.
 */
@ApplicationScoped
public class SearchBackfill {
    private static final Logger LOG = Logger.getLogger(SearchBackfill.class);
    private static final int BATCH = 100;

    private final Mutiny.SessionFactory sessions;
    private final MessageRepository messages;
    private final SearchTerms terms;
    private final PhiCipher cipher;

    public SearchBackfill(Mutiny.SessionFactory sessions, MessageRepository messages, SearchTerms terms,
            PhiCipher cipher) {
        this.sessions = sessions;
        this.messages = messages;
        this.terms = terms;
        this.cipher = cipher;
    }

    /** Batch after batch, each its own transaction, until one comes back short: the backlog is done. */
    @Scheduled(every = "${carethread.conversation.search-backfill-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> indexEarlierMessages() {
        return Multi.createBy().repeating().uni(this::indexBatch).whilst(indexed -> indexed == BATCH)
                .collect().last()
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.errorf("indexing earlier messages for search failed: %s",
                        e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Integer> indexBatch() {
        return sessions.withTransaction(session -> messages.termsPendingForUpdate(session, BATCH)
                .call(pending -> Multi.createFrom().iterable(pending)
                        .onItem().transformToUniAndConcatenate(message -> index(session, message))
                        .collect().asList())
                .map(pending -> pending.size()));
    }

    private Uni<Void> index(Mutiny.Session session, Message message) {
        String text;
        try {
            text = cipher.open(message.sealedText);
        } catch (IllegalArgumentException | IllegalStateException unreadable) {
            // Corrupt, or sealed under a key no longer in the keyring: nobody can read it, so there is nothing to
            // find, and it must not hold up the rest. Set terms_indexed back to false to retry it after a key fix.
            LOG.warnf("message %s cannot be opened (%s); marked indexed without search terms", message.id,
                    unreadable.getClass().getSimpleName());
            message.termsIndexed = true;
            return Uni.createFrom().voidItem();
        }
        return terms.addTerms(session, message, text);
    }
}
