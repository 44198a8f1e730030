package org.carethread.routing.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clinic of the practice: the SMS number patients text it on, its time zone, and where its messages land. */
@Entity
@Table(name = "location")
public class Location {
    @Id
    public String code;
    public String name;
    /** Digits only. */
    @Column(name = "sms_number")
    public String smsNumber;
    @Column(name = "time_zone")
    public String timeZone;
    /** Code of the queue a message goes to when no routing rule says otherwise. */
    @Column(name = "default_queue")
    public String defaultQueue;
}
