package org.carethread.conversation.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.config.ConversationConfig;
import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ReplyTemplate;
import org.carethread.conversation.repository.ReplyTemplateRepository;
import org.carethread.conversation.repository.ReplyTemplateVersion;
import org.carethread.conversation.service.TemplateText.Rendered;
import org.carethread.conversation.service.TemplateText.Variable;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.staff.StaffMember;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * The practice's library of reply templates: staff answer with them, admins and supervisors keep them. Every save is
 * a new version (the old words are kept for the replies written from them); a template in use can be retired, never
 * deleted.
 */
@ApplicationScoped
public class ReplyTemplates {
    public static final int NAME_MAX_LENGTH = 100;
    static final java.util.regex.Pattern CATEGORY = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,49}");

    private final Mutiny.SessionFactory sessions;
    private final ReplyTemplateRepository templates;
    private final PhiCipher cipher;
    private final ConversationConfig config;

    public ReplyTemplates(Mutiny.SessionFactory sessions, ReplyTemplateRepository templates, PhiCipher cipher,
            ConversationConfig config) {
        this.sessions = sessions;
        this.templates = templates;
        this.cipher = cipher;
        this.config = config;
    }

    /** What a template says, as its author wrote it. */
    public record Draft(String name, String category, String body) {
    }

    /** A template filled in for one conversation: the text to send, or the variables still without a value. */
    public record Filled(ReplyTemplate template, Rendered rendered) {
    }

    public Uni<List<ReplyTemplate>> active(String category) {
        return sessions.withSession(session -> templates.active(session, category));
    }

    public Uni<ReplyTemplate> find(UUID id) {
        return sessions.withSession(session -> templates.find(session, id, false))
                .onItem().ifNull().failWith(AnswerRefusedException::templateNotFound);
    }

    public Uni<List<ReplyTemplateVersion>> versions(UUID id) {
        return sessions.withSession(session -> templates.find(session, id, false)
                .onItem().ifNull().failWith(AnswerRefusedException::templateNotFound)
                .chain(template -> templates.versions(session, template.id)));
    }

    public Uni<ReplyTemplate> create(StaffMember staff, Draft draft) {
        check(draft);
        return sessions.withTransaction(session -> templates.nameTaken(session, draft.name(), null)
                .chain(taken -> {
                    if (taken) {
                        throw AnswerRefusedException.templateNameTaken();
                    }
                    ReplyTemplate template = new ReplyTemplate();
                    template.id = UUID.randomUUID();
                    template.active = true;
                    template.version = 1;
                    apply(template, draft, staff);
                    return session.persist(template)
                            .chain(() -> session.persist(version(template)))
                            .replaceWith(template);
                }));
    }

    /** Saves the draft as the template's next version; with {@code expectedVersion}, only if nobody saved since. */
    public Uni<ReplyTemplate> update(StaffMember staff, UUID id, Integer expectedVersion, Draft draft) {
        check(draft);
        return sessions.withTransaction(session -> templates.find(session, id, true)
                .onItem().ifNull().failWith(AnswerRefusedException::templateNotFound)
                .call(template -> {
                    if (expectedVersion != null && expectedVersion != template.version) {
                        throw AnswerRefusedException.templateChanged(template.version);
                    }
                    return templates.nameTaken(session, draft.name(), template.id).invoke(taken -> {
                        if (taken) {
                            throw AnswerRefusedException.templateNameTaken();
                        }
                    });
                })
                .call(template -> {
                    template.version++;
                    template.active = true;
                    apply(template, draft, staff);
                    return session.persist(version(template));
                }));
    }

    /** No longer offered to staff; replies written from it still name it. */
    public Uni<ReplyTemplate> retire(StaffMember staff, UUID id) {
        return sessions.withTransaction(session -> templates.find(session, id, true)
                .onItem().ifNull().failWith(AnswerRefusedException::templateNotFound)
                .invoke(template -> {
                    template.active = false;
                    template.updatedAt = Instant.now();
                    template.updatedBy = staff.name();
                }));
    }

    /**
     * Fills an active template for a conversation, in the caller's session: the patient's first name from the
     * directory, the staff member's, the location's and the practice's, and what the staff member entered.
     *
     * @param staffFirstName the signed-in staff member's first name (from their token); null if it has none
     * @param entered        values the staff member typed, by variable code; only entered variables are taken
     */
    Uni<Filled> fill(Mutiny.Session session, UUID templateId, Conversation conversation, String staffFirstName,
            Map<String, String> entered) {
        return templates.find(session, templateId, false)
                .map(template -> {
                    if (template == null || !template.active) {
                        throw AnswerRefusedException.templateNotFound();
                    }
                    return new Filled(template, TemplateText.render(template.body,
                            values(conversation, staffFirstName, entered)));
                });
    }

    /** Counts a reply written from the template. */
    Uni<Void> used(Mutiny.Session session, UUID templateId, Instant at) {
        return session.createMutationQuery("update ReplyTemplate set usageCount = usageCount + 1, lastUsedAt = :at"
                + " where id = :id")
                .setParameter("at", at)
                .setParameter("id", templateId)
                .executeUpdate()
                .replaceWithVoid();
    }

    private Map<String, String> values(Conversation conversation, String staffFirstName, Map<String, String> entered) {
        Map<String, String> values = new HashMap<>();
        if (entered != null) {
            entered.forEach((code, value) -> {
                Variable variable = Variable.of(code);
                if (variable != null && variable.entered() && value != null) {
                    values.put(code, value);
                }
            });
        }
        if (conversation.sealedPatientGivenName != null) {
            values.put(Variable.PATIENT_FIRST_NAME.code(), cipher.open(conversation.sealedPatientGivenName));
        }
        values.put(Variable.STAFF_FIRST_NAME.code(), staffFirstName);
        ConversationConfig.Location location = config.locations().get(conversation.locationCode);
        if (location != null) {
            values.put(Variable.LOCATION_NAME.code(), location.name());
            values.put(Variable.LOCATION_PHONE.code(), location.phone());
        }
        values.put(Variable.PRACTICE_NAME.code(), config.practiceName());
        return values;
    }

    private static void check(Draft draft) {
        List<String> problems = new java.util.ArrayList<>();
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > NAME_MAX_LENGTH) {
            problems.add("'name' must be 1 to " + NAME_MAX_LENGTH + " characters.");
        }
        if (draft.category() == null || !CATEGORY.matcher(draft.category()).matches()) {
            problems.add("'category' must be a lower-case code such as scheduling, refill, billing or general.");
        }
        if (draft.body() == null || draft.body().isBlank()) {
            problems.add("'body' must not be empty.");
        } else {
            problems.addAll(TemplateText.problemsIn(draft.body()));
        }
        if (!problems.isEmpty()) {
            throw AnswerRefusedException.templateInvalid(String.join(" ", problems));
        }
    }

    private static void apply(ReplyTemplate template, Draft draft, StaffMember staff) {
        template.name = draft.name().strip();
        template.category = draft.category();
        template.body = draft.body().strip();
        template.updatedAt = Instant.now();
        template.updatedBy = staff.name();
    }

    private static ReplyTemplateVersion version(ReplyTemplate template) {
        ReplyTemplateVersion version = new ReplyTemplateVersion();
        version.templateId = template.id;
        version.version = template.version;
        version.name = template.name;
        version.category = template.category;
        version.body = template.body;
        version.changedAt = template.updatedAt;
        version.changedBy = template.updatedBy;
        return version;
    }
}
