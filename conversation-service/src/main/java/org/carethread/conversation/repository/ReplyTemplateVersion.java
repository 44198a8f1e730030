package org.carethread.conversation.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A template as it was at one version: kept so a reply can always be traced to the words it was written from. */
@Entity
@Table(name = "reply_template_version")
@IdClass(ReplyTemplateVersion.Key.class)
public class ReplyTemplateVersion {
    @Id
    @Column(name = "template_id")
    public UUID templateId;
    @Id
    public int version;
    public String name;
    public String category;
    public String body;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;

    public record Key(UUID templateId, int version) implements Serializable {
    }
}
