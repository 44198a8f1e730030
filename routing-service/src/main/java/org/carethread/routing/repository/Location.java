package org.carethread.routing.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clinic of the practice: the SMS number patients text it on, the mailbox they e-mail, its time zone, and where its messages land. */
@Entity
@Table(name = "location")
public class Location {
    @Id
    public String code;
    public String name;
    /** Digits only. */
    @Column(name = "sms_number")
    public String smsNumber;
    /** The practice mailbox patients e-mail it at, lower-cased; null when it has none. */
    @Column(name = "email_address")
    public String emailAddress;
    @Column(name = "time_zone")
    public String timeZone;
    /** Code of the queue a message goes to when no routing rule says otherwise. */
    @Column(name = "default_queue")
    public String defaultQueue;
    /** Where emergencies go, at the top, at any hour. */
    @Column(name = "clinical_queue")
    public String clinicalQueue;
    /** Where a sender no patient in the directory has the number of waits. */
    @Column(name = "intake_queue")
    public String intakeQueue;
    /** Where a number several patients share waits until staff confirm who wrote. */
    @Column(name = "identity_review_queue")
    public String identityReviewQueue;
    /** After hours, one auto-reply per patient within this many minutes. */
    @Column(name = "auto_reply_interval_minutes")
    public int autoReplyIntervalMinutes;
    /** When peers were last told these hours on practice.schedule; null until they are. */
    @Column(name = "hours_announced_at")
    public Instant hoursAnnouncedAt;
}
