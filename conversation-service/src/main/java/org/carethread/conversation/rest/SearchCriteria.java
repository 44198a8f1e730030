package org.carethread.conversation.rest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.service.ConversationSearch.Criteria;
import org.carethread.conversation.service.SearchTerms;
import org.carethread.messaging.PatientAddresses;

/**
 * Checks a search before anything is read: at least one criterion, each well formed. The problems name the field,
 * never its value, which may be a phone number or a patient's words.
 */
final class SearchCriteria {
    private static final int MAX_WORDS_LENGTH = 1000;
    private static final int MAX_PATIENT_ID_LENGTH = 100;
    private static final Pattern PATIENT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]*$");

    private SearchCriteria() {
    }

    static Criteria of(SearchRequest body, int maxWords) {
        if (body == null) {
            throw nothingToSearchBy();
        }
        if (body.phone() != null && body.email() != null) {
            throw new InvalidRequestException("Search by 'phone' or by 'email', not both.");
        }
        Instant from = body.from() == null ? null : ConversationActionResource.dateTime("from", body.from());
        Instant to = body.to() == null ? null : ConversationActionResource.dateTime("to", body.to());
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("'from' must be before 'to'.");
        }
        Criteria criteria = new Criteria(
                body.patientId() == null ? null : patientId(body.patientId()),
                body.phone() != null ? phone(body.phone()) : body.email() == null ? null : email(body.email()),
                body.status() == null ? null : statuses(body.status()),
                body.queue() == null ? null : ConversationActionResource.queue(body.queue()),
                body.assignee() == null ? null : ConversationActionResource.colleague("assignee", body.assignee()),
                body.category() == null ? null
                        : ConversationResource.oneOf("category", body.category(), ConversationResource.CATEGORIES),
                body.priority() == null ? null
                        : ConversationResource.oneOf("priority", body.priority(), Conversation.PRIORITIES),
                from, to,
                body.words() == null ? null : words(body.words(), maxWords));
        if (Stream.of(criteria.patientId(), criteria.patientAddress(), criteria.statuses(), criteria.queue(),
                criteria.assignee(), criteria.category(), criteria.priority(), criteria.activeFrom(),
                criteria.activeBefore(), criteria.words()).allMatch(Objects::isNull)) {
            throw nothingToSearchBy();
        }
        return criteria;
    }

    private static InvalidRequestException nothingToSearchBy() {
        return new InvalidRequestException("Say what to search for: at least one of patientId, phone, email, status,"
                + " queue, assignee, category, priority, from, to or words.");
    }

    private static String patientId(String id) {
        if (id.length() > MAX_PATIENT_ID_LENGTH || !PATIENT_ID.matcher(id).matches()) {
            throw new InvalidRequestException("'patientId' must be a patient's id from the patient directory.");
        }
        return id;
    }

    private static String phone(String phone) {
        String problem = PatientAddresses.phoneProblem(phone);
        if (problem != null) {
            throw new InvalidRequestException(problem);
        }
        return phone;
    }

    private static String email(String email) {
        String problem = PatientAddresses.emailProblem(email);
        if (problem != null) {
            throw new InvalidRequestException(problem);
        }
        return email;
    }

    private static List<String> statuses(List<String> statuses) {
        if (statuses.isEmpty()) {
            throw new InvalidRequestException("'status' must name at least one status, or be left out for all.");
        }
        statuses.forEach(status -> ConversationResource.oneOf("status", status, Conversation.STATUSES));
        return List.copyOf(statuses);
    }

    private static Set<String> words(String text, int maxWords) {
        if (text.length() > MAX_WORDS_LENGTH) {
            throw new InvalidRequestException("'words' is longer than " + MAX_WORDS_LENGTH + " characters; search for"
                    + " a few words that the conversation must hold.");
        }
        Set<String> words = SearchTerms.words(text);
        if (words.isEmpty()) {
            throw new InvalidRequestException("'words' holds no word of two or more letters or digits.");
        }
        if (words.size() > maxWords) {
            throw new InvalidRequestException("'words' holds " + words.size() + " words; at most "
                    + maxWords + " fit in one search.");
        }
        if (!words.stream().allMatch(SearchTerms::indexable)) {
            throw new InvalidRequestException("'words' holds a word longer than " + SearchTerms.MAX_WORD_LENGTH
                    + " letters; such words are not indexed, so search for other words of the message.");
        }
        return words;
    }
}
