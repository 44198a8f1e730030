package org.carethread.routing.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Timestamps;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** When each patient last got each kind of automatic reply at a location, so replies are not repeated too often. */
@ApplicationScoped
public class AutoReplyLog {

    public Uni<Instant> lastSent(Mutiny.Session session, String patientRef, String locationCode, String kind) {
        return session.createNativeQuery("select sent_at from auto_reply_sent where patient_ref = :ref"
                + " and location_code = :location and kind = :kind", Object.class)
                .setParameter("ref", patientRef)
                .setParameter("location", locationCode)
                .setParameter("kind", kind)
                .getResultList().map(rows -> rows.isEmpty() ? null : Timestamps.instant(rows.get(0)));
    }

    public Uni<Void> sent(Mutiny.Session session, String patientRef, String locationCode, String kind, Instant at) {
        return session.createNativeQuery("insert into auto_reply_sent (patient_ref, location_code, kind, sent_at)"
                + " values (:ref, :location, :kind, :at) on conflict (patient_ref, location_code, kind)"
                + " do update set sent_at = greatest(auto_reply_sent.sent_at, excluded.sent_at)")
                .setParameter("ref", patientRef)
                .setParameter("location", locationCode)
                .setParameter("kind", kind)
                .setParameter("at", Timestamps.utc(at))
                .executeUpdate().replaceWithVoid();
    }
}
