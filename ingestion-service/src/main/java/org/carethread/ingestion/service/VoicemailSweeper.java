package org.carethread.ingestion.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Nothing waits forever: a recording whose transcript has not come within {@code transcript-timeout} is published
 * as "Voicemail (no transcript)", and a call that never brought a recording is forgotten. Several instances may
 * sweep at once; the accept-once intake publishes each voicemail once.
 */
@ApplicationScoped
public class VoicemailSweeper {
    private static final Logger LOG = Logger.getLogger(VoicemailSweeper.class);
    /** Voicemails published per sweep, so one sweep stays short; the next takes the rest. */
    private static final int BATCH = 20;

    private final VoicemailIntake voicemails;

    public VoicemailSweeper(VoicemailIntake voicemails) {
        this.voicemails = voicemails;
    }

    @Scheduled(identity = "voicemail-sweeper", every = "${carethread.voicemail.sweep-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return voicemails.forgetUnrecorded()
                .chain(() -> voicemails.transcriptOverdue(BATCH))
                .onItem().transformToMulti(overdue -> Multi.createFrom().iterable(overdue))
                .onItem().transformToUniAndConcatenate(held -> voicemails.publish(held, null)
                        .onFailure().invoke(failure -> LOG.warnf("voicemail %s not published yet, the next sweep"
                                + " retries: %s", held.recordingUuid(), failure.getClass().getName()))
                        .onFailure().recoverWithNull())
                .collect().last()
                .onFailure().invoke(failure -> LOG.warnf("voicemail sweep stopped, the next one carries on: %s",
                        failure.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
