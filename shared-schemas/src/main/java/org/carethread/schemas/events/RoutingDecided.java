package org.carethread.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * Where an inbound message goes, and why. Topic {@code routing.decisions}, key {@code patientRef}. Carries the
 * message itself (sealed) so the conversation service needs no other source. The triage and rule fields were added
 * after the first release and are optional: a decision without them goes to {@code queue} at normal priority.
 *
 * @param messageEventId      the id of the {@link MessageReceived} event it decides on
 * @param locationCode        the practice location ({@code north}, {@code south}) that owns the number texted
 * @param queue               the queue the message lands in
 * @param reason              a sentence for staff: why it is there (no PHI)
 * @param patientId           the directory patient the sender is, when exactly one matched or staff confirmed it
 * @param identity            {@code matched}, {@code review} (several patients share the address) or {@code new-contact}
 * @param category            the triage category, e.g. {@code refill}
 * @param urgency             {@code emergency}, {@code urgent} or {@code routine}
 * @param priority            {@code critical}, {@code high}, {@code normal} or {@code low}; critical sorts first
 * @param sealedTriageReasons what led the classifier there (JSON array of sentences); quotes the message, so sealed
 * @param ruleId              the routing rule that fired, or null when the location's default applied
 * @param rulesVersion        the version of the routing rules the decision was made with
 * @param directedTo          the staff member or care team the message is directed to (after out-of-office coverage)
 * @param autoReplyKind       {@code safety} or {@code after-hours} when the patient is to get an automatic reply now
 * @param sealedAutoReplyText the automatic reply's text, in the patient's language
 * @param replyLanguage       the patient's language for replies ({@code en}, {@code es})
 * @param clockStartsAt       when the response clock starts: now in business hours, the next opening after hours
 * @param sealedPatientGivenName the matched patient's given name, sealed, for greeting them in replies and templates
 * @param sealedSubject       for e-mail, as in {@link MessageReceived} (also the next four)
 */
public record RoutingDecided(String messageEventId, String providerMessageId, String channel, String patientRef,
        String sealedFrom, String practiceNumber, String sealedText, Instant receivedAt, String locationCode,
        String queue, String reason, Instant decidedAt, String patientId, String identity, String category,
        String urgency, String priority, String sealedTriageReasons, String ruleId, Integer rulesVersion,
        String directedTo, String autoReplyKind, String sealedAutoReplyText, String replyLanguage,
        Instant clockStartsAt, String sealedPatientGivenName, String sealedSubject, String sealedMessageId,
        String messageRef, List<String> threadRefs, List<MessageReceived.Attachment> attachments) {
}
