package org.carethread.conversation.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the practice's outcomes a resolved conversation is closed with, e.g. "Appointment confirmed". */
@Entity
@Table(name = "outcome")
public class Outcome {
    @Id
    public String code;
    public String label;
    public int position;
    public boolean active;
}
