package org.carethread.conversation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** The practice's reply templates and their versions. */
@ApplicationScoped
public class ReplyTemplateRepository {

    /** The templates staff may answer with, by category and name; {@code category} null for all. */
    public Uni<List<ReplyTemplate>> active(Mutiny.Session session, String category) {
        var query = session.createSelectionQuery("from ReplyTemplate where active"
                + (category == null ? "" : " and category = :category") + " order by category, lower(name)",
                ReplyTemplate.class);
        return (category == null ? query : query.setParameter("category", category)).getResultList();
    }

    public Uni<ReplyTemplate> find(Mutiny.Session session, UUID id, boolean forUpdate) {
        return forUpdate ? session.find(ReplyTemplate.class, id, LockMode.PESSIMISTIC_WRITE)
                : session.find(ReplyTemplate.class, id);
    }

    /** Whether another active template already has this name (any case). */
    public Uni<Boolean> nameTaken(Mutiny.Session session, String name, UUID except) {
        var query = session.createSelectionQuery("select count(t) from ReplyTemplate t where t.active"
                + " and lower(t.name) = lower(:name)" + (except == null ? "" : " and t.id <> :except"), Long.class)
                .setParameter("name", name);
        return (except == null ? query : query.setParameter("except", except)).getSingleResult()
                .map(count -> count > 0);
    }

    public Uni<List<ReplyTemplateVersion>> versions(Mutiny.Session session, UUID templateId) {
        return session.createSelectionQuery("from ReplyTemplateVersion where templateId = :templateId"
                + " order by version desc", ReplyTemplateVersion.class)
                .setParameter("templateId", templateId)
                .getResultList();
    }
}
