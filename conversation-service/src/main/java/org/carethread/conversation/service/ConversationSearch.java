package org.carethread.conversation.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.repository.ConversationRepository.Filter;
import org.carethread.conversation.repository.ConversationRepository.Summary;
import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.staff.StaffMember;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Staff looking for conversations at their locations: by patient, workflow and triage fields, last activity and the
 * words of the messages. The patient's address and the words are matched through their blind indexes only. Every
 * search is an audited PHI access, recorded in the transaction of the search: one record per conversation shown, or
 * one without a conversation when none matched. The search terms are never recorded.
 */
@ApplicationScoped
public class ConversationSearch {
    private final Mutiny.SessionFactory sessions;
    private final ConversationRepository conversations;
    private final ConversationService access;
    private final SearchTerms terms;
    private final BlindIndex index;

    public ConversationSearch(Mutiny.SessionFactory sessions, ConversationRepository conversations,
            ConversationService access, SearchTerms terms, BlindIndex index) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.access = access;
        this.terms = terms;
        this.index = index;
    }

    /**
     * What staff search by, checked; a null part narrows nothing.
     *
     * @param patientAddress the patient's phone number or e-mail address (PHI: kept in memory only)
     * @param activeFrom     latest activity at or after
     * @param activeBefore   latest activity before
     * @param words          normalised words ({@link SearchTerms#words}) that must all occur in the conversation
     */
    public record Criteria(String patientId, String patientAddress, List<String> statuses, String queue,
            String assignee, String category, String priority, Instant activeFrom, Instant activeBefore,
            Set<String> words) {
    }

    public Uni<List<Summary>> search(StaffMember staff, Criteria criteria, int limit, int offset,
            String clientAddress) {
        var filter = new Filter(criteria.statuses(), criteria.assignee() == null ? null : List.of(criteria.assignee()),
                null, criteria.category(), criteria.queue(), criteria.priority(), criteria.patientId(),
                criteria.patientAddress() == null ? null : index.ofAddress(criteria.patientAddress()),
                criteria.activeFrom(), criteria.activeBefore(),
                criteria.words() == null ? null : terms.termsOf(criteria.words()), false);
        return sessions.withTransaction(session -> (staff.locations().isEmpty()
                ? Uni.createFrom().item(List.<Summary>of())
                : conversations.scopeOf(session, staff)
                        .chain(scope -> conversations.listInScope(session, scope, filter, limit, offset)))
                .call(found -> found.isEmpty()
                        ? access.recordScopedAccess(session, staff, null,
                                ConversationEvents.ACTION_CONVERSATION_SEARCH, clientAddress)
                        : Multi.createFrom().iterable(found)
                                .onItem().transformToUniAndConcatenate(summary -> access.recordScopedAccess(session,
                                        staff, summary.conversation(), ConversationEvents.ACTION_CONVERSATION_SEARCH,
                                        clientAddress))
                                .collect().asList()));
    }
}
