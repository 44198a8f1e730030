package org.carethread.conversation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.ConversationNote;
import org.carethread.conversation.repository.NoteRepository;
import org.carethread.conversation.repository.StaffMention;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.ConversationNoteAdded;
import org.carethread.schemas.staff.StaffMember;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Internal notes: staff writing to staff about a conversation, never to the patient. A note that mentions a colleague
 * (@username) puts it in their mentions and announces it, so they are told.
 */
@ApplicationScoped
public class ConversationNotes {
    public static final int TEXT_MAX_LENGTH = 4000;
    /** Keycloak usernames: letters, digits, dots, dashes and underscores; a trailing dot ends the sentence instead. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9_-])?)");

    private final Mutiny.SessionFactory sessions;
    private final ConversationService scope;
    private final NoteRepository notes;
    private final ConversationChangeLog changeLog;
    private final Outbox outbox;
    private final PhiCipher cipher;

    public ConversationNotes(Mutiny.SessionFactory sessions, ConversationService scope, NoteRepository notes,
            ConversationChangeLog changeLog, Outbox outbox, PhiCipher cipher) {
        this.sessions = sessions;
        this.scope = scope;
        this.notes = notes;
        this.changeLog = changeLog;
        this.outbox = outbox;
        this.cipher = cipher;
    }

    /** The usernames a note mentions, each once, in order, as written (Keycloak usernames are lower case). */
    public static List<String> mentionsIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return List.copyOf(names);
    }

    /** Adds a note; a resolved conversation may still be annotated (a note changes nothing for the patient). */
    public Uni<ConversationNote> add(StaffMember staff, UUID conversationId, String text) {
        return sessions.withTransaction(session -> scope.visible(session, staff, conversationId, true)
                .chain(conversation -> {
                    Instant now = Instant.now();
                    ConversationNote note = new ConversationNote();
                    note.id = UUID.randomUUID();
                    note.conversationId = conversation.id;
                    note.authorId = staff.id();
                    note.authorName = staff.name();
                    note.sealedText = cipher.seal(text);
                    note.createdAt = now;
                    List<String> mentioned = mentionsIn(text);
                    List<StaffMention> mentions = new ArrayList<>();
                    for (String username : mentioned) {
                        StaffMention mention = new StaffMention();
                        mention.id = UUID.randomUUID();
                        mention.noteId = note.id;
                        mention.conversationId = conversation.id;
                        mention.locationCode = conversation.locationCode;
                        mention.username = username;
                        mention.mentionedBy = staff.name();
                        mention.createdAt = now;
                        mentions.add(mention);
                    }
                    return session.persist(note)
                            .chain(() -> session.persistAll(mentions.toArray()))
                            .chain(() -> changeLog.record(session, conversation, Before.of(conversation),
                                    ConversationChangeLog.NOTE, ChangeActor.of(staff), null))
                            .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS,
                                    EventTypes.CONVERSATION_NOTE_ADDED, conversation.patientRef,
                                    conversation.id.toString(), new ConversationNoteAdded(conversation.id.toString(),
                                            conversation.locationCode, conversation.patientRef, note.id.toString(),
                                            staff.id(), staff.name(), mentioned, now)))
                            .replaceWith(note);
                }));
    }

    /** Notes that mention the staff member at their locations, newest first. */
    public Uni<List<StaffMention>> mentionsOf(StaffMember staff, boolean unseenOnly, int limit) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return sessions.withSession(session -> notes.mentionsOf(session, usernames(staff), staff.locations(),
                unseenOnly, limit));
    }

    /** Marks one of the staff member's mentions seen; someone else's is not found. */
    public Uni<StaffMention> seen(StaffMember staff, UUID mentionId) {
        return sessions.withTransaction(session -> notes.mention(session, mentionId)
                .invoke(mention -> {
                    if (mention == null || !usernames(staff).contains(mention.username)
                            || !staff.locations().contains(mention.locationCode)) {
                        throw AnswerRefusedException.mentionNotFound();
                    }
                    if (mention.seenAt == null) {
                        mention.seenAt = Instant.now();
                    }
                }));
    }

    private static List<String> usernames(StaffMember staff) {
        return Stream.of(staff.username(), staff.id()).filter(Objects::nonNull)
                .map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
