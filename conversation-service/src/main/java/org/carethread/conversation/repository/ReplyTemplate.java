package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the practice's reply templates: its current version, and how often staff have answered with it. The body is
 * the practice's words with {{variables}}, not PHI.
 */
@Entity
@Table(name = "reply_template")
public class ReplyTemplate {
    @Id
    public UUID id;
    public String name;
    public String category;
    public String body;
    public int version;
    /** A retired template stays for the replies written from it, but is no longer offered. */
    public boolean active;
    @Column(name = "usage_count")
    public long usageCount;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
