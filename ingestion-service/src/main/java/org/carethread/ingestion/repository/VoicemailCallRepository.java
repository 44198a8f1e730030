package org.carethread.ingestion.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** The {@code voicemail_call} table: answered calls whose voicemail is not published yet. Only sealed PHI. */
@ApplicationScoped
public class VoicemailCallRepository {

    /** A held call; the recording fields are null until its recording came. */
    public record HeldCall(String conversationUuid, String sealedCaller, String patientRef, String practiceNumber,
            String recordingUuid,
            String recordingType, String sealedRecording, Instant recordedAt) {

        public boolean recorded() {
            return recordingUuid != null;
        }
    }

    private static final String COLUMNS = "conversation_uuid, sealed_caller, patient_ref, practice_number,"
            + " recording_uuid, recording_type, sealed_recording, recorded_at";

    /** Keeps the call; Vonage asking for the same call's answer again changes nothing. */
    public Uni<Void> answered(Mutiny.Session session, String conversationUuid, String sealedCaller,
            String patientRef, String practiceNumber) {
        return session.createNativeQuery("insert into voicemail_call (conversation_uuid, sealed_caller, patient_ref,"
                + " practice_number) values (:conversation, :caller, :patient, :practice) on conflict do nothing")
                .setParameter("conversation", conversationUuid)
                .setParameter("caller", sealedCaller)
                .setParameter("patient", patientRef)
                .setParameter("practice", practiceNumber)
                .executeUpdate()
                .replaceWithVoid();
    }

    public Uni<Optional<HeldCall>> find(Mutiny.Session session, String conversationUuid) {
        return session.createNativeQuery("select " + COLUMNS + " from voicemail_call"
                + " where conversation_uuid = :conversation", Object[].class)
                .setParameter("conversation", conversationUuid)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(VoicemailCallRepository::heldCall));
    }

    /**
     * Holds the recording until its transcript comes; only the first recording of a call is kept, so a redelivered
     * recording event answers false. A recording that could not be kept is noted with null type and contents, so
     * the voicemail still goes out, without it.
     */
    public Uni<Boolean> recorded(Mutiny.Session session, String conversationUuid, String recordingUuid,
            String recordingType, String sealedRecording, Duration transcriptTimeout) {
        return session.createNativeQuery("update voicemail_call set recording_uuid = :recording,"
                + " recording_type = :type, sealed_recording = :sealed, recorded_at = now(),"
                + " transcript_due = now() + make_interval(secs => :timeout)"
                + " where conversation_uuid = :conversation and recording_uuid is null")
                .setParameter("recording", recordingUuid)
                .setParameter("type", recordingType)
                .setParameter("sealed", sealedRecording)
                .setParameter("timeout", (double) transcriptTimeout.toMillis() / 1000)
                .setParameter("conversation", conversationUuid)
                .executeUpdate()
                .map(updated -> updated == 1);
    }

    /** Recordings whose transcript is overdue, oldest first. */
    public Uni<List<HeldCall>> transcriptOverdue(Mutiny.Session session, int limit) {
        return session.createNativeQuery("select " + COLUMNS + " from voicemail_call"
                + " where transcript_due < now() order by transcript_due limit :limit", Object[].class)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(VoicemailCallRepository::heldCall).toList());
    }

    /** Published (or nothing to publish): the caller's number and the recording leave this table. */
    public Uni<Void> forget(Mutiny.Session session, String conversationUuid) {
        return session.createNativeQuery("delete from voicemail_call where conversation_uuid = :conversation")
                .setParameter("conversation", conversationUuid)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Calls that never brought a recording (the caller hung up before the tone): nothing to keep. */
    public Uni<Integer> forgetUnrecorded(Mutiny.Session session, Duration olderThan) {
        return session.createNativeQuery("delete from voicemail_call where recording_uuid is null"
                + " and answered_at < now() - make_interval(secs => :age)")
                .setParameter("age", (double) olderThan.toMillis() / 1000)
                .executeUpdate();
    }

    private static HeldCall heldCall(Object[] row) {
        return new HeldCall((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], instant(row[7]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return ((java.time.LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
