package org.carethread.conversation.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.service.ReplyTemplates.Filled;
import org.carethread.schemas.staff.StaffMember;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * A template filled in for a conversation before it is sent, so staff see the real words. It shows the patient's name,
 * so it is an audited read like opening the conversation.
 */
@ApplicationScoped
public class TemplatePreviews {
    public static final String ACCESS_TEMPLATE_PREVIEW = "template.preview";

    private final Mutiny.SessionFactory sessions;
    private final ConversationService scope;
    private final ReplyTemplates templates;

    public TemplatePreviews(Mutiny.SessionFactory sessions, ConversationService scope, ReplyTemplates templates) {
        this.sessions = sessions;
        this.scope = scope;
        this.templates = templates;
    }

    public Uni<Filled> preview(StaffMember staff, UUID conversationId, UUID templateId, Map<String, String> entered,
            String staffFirstName, String clientAddress) {
        return sessions.withTransaction(session -> scope.visible(session, staff, conversationId, false)
                .chain(conversation -> templates.fill(session, templateId, conversation, staffFirstName, entered)
                        .call(() -> scope.recordAccess(session, staff, conversation, ACCESS_TEMPLATE_PREVIEW,
                                clientAddress))));
    }
}
