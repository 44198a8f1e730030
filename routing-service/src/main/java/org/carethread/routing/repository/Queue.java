package org.carethread.routing.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A work queue of one location, e.g. its front desk, that staff pick conversations from. */
@Entity
@Table(name = "queue")
public class Queue {
    @Id
    public String code;
    @Column(name = "location_code")
    public String locationCode;
    public String name;
}
