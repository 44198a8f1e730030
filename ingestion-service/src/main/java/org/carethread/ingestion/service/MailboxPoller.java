package org.carethread.ingestion.service;

import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import org.carethread.ingestion.client.PracticeMailbox;
import org.carethread.ingestion.client.PracticeMailbox.Connection;
import org.carethread.ingestion.client.PracticeMailbox.Mail;
import org.carethread.ingestion.config.ImapConfig;
import org.carethread.ingestion.service.WebhookRejectedException.Reason;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.smallrye.mutiny.unchecked.UncheckedSupplier;
import io.vertx.mutiny.core.Vertx;

/**
 * Polls the practice mailbox over IMAP and takes each unseen mail through the same intake as the webhook. A mail is
 * marked seen only after its event is in Kafka (or it was refused for good), one at a time in order: a crash before
 * the mark leaves it unseen, the next poll finds it again and the intake answers "duplicate" by its Message-ID, so
 * no mail is lost or published twice. While Kafka or the database is away the poll stops and leaves the rest unseen.
 */
@ApplicationScoped
public class MailboxPoller {
    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);

    private final PracticeMailbox mailbox;
    private final EmailIntake intake;
    private final WebhookMetrics metrics;
    private final Vertx vertx;

    public MailboxPoller(PracticeMailbox mailbox, EmailIntake intake, WebhookMetrics metrics, Vertx vertx) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    @Scheduled(identity = "practice-mailbox", every = "${carethread.ingestion.mailbox-poll-interval}",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    Uni<Void> poll() {
        return onWorker(mailbox::open)
                .chain(connection -> onWorker(connection::unseen)
                        .onItem().transformToMulti(mails -> Multi.createFrom().iterable(mails))
                        .onItem().transformToUniAndConcatenate(mail -> take(connection, mail))
                        .collect().last()
                        .eventually(() -> onWorker(() -> {
                            connection.close();
                            return null;
                        })))
                .onFailure().invoke(failure -> LOG.warnf("practice mailbox poll stopped, the next one carries on: %s",
                        failure.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Accepts one mail, then marks it seen; a refusal for good is logged (no PHI) and marked too. */
    private Uni<Void> take(Connection connection, Mail mail) {
        return metrics.counted(WebhookKind.EMAIL, intake.accept(mail.raw(), mail.receivedAt()))
                .replaceWithVoid()
                .onFailure(refusedForGood()).recoverWithUni(refused -> {
                    LOG.warnf("mail UID %d in the practice mailbox refused and marked seen: %s", mail.uid(),
                            refused.getMessage());
                    return Uni.createFrom().voidItem();
                })
                .chain(() -> onWorker(() -> {
                    connection.markSeen(mail.uid());
                    return null;
                }))
                .replaceWithVoid();
    }

    /** IMAP blocks: every mailbox call runs on a worker thread. */
    private <T> Uni<T> onWorker(UncheckedSupplier<T> call) {
        return vertx.executeBlocking(Uni.createFrom().item(Unchecked.supplier(call)));
    }

    private static Predicate<Throwable> refusedForGood() {
        return failure -> failure instanceof WebhookRejectedException rejected
                && rejected.reason() != Reason.UNAVAILABLE;
    }

    /** Skips every poll unless a mailbox is configured ({@code carethread.email.imap.enabled}). */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {
        private final ImapConfig config;

        public Disabled(ImapConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
