package org.carethread.routing.service;

import org.carethread.schemas.staff.StaffMember;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.LocationRepository;
import org.carethread.routing.repository.QueueRepository;
import org.carethread.routing.repository.RuleSetRepository;
import org.carethread.routing.repository.RuleSetRepository.StoredRuleSet;
import org.carethread.routing.rest.ProblemException;
import org.carethread.routing.triage.Triage;
import org.carethread.routing.triage.TriageClassifier;
import org.carethread.schemas.Channels;
import org.carethread.schemas.crypto.BlindIndex;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The practice's routing rules as admins manage them: the version in force, the history, saving a new version
 * (validated, never overwriting a version someone else saved meanwhile), and the dry run: where would this message go
 * now, and why, decided by the same planner and the same situation the pipeline uses.
 */
@ApplicationScoped
public class RoutingRules {
    private final Mutiny.SessionFactory sessions;
    private final RuleSetRepository ruleSets;
    private final LocationRepository locations;
    private final QueueRepository queues;
    private final RoutingSituations situations;
    private final RoutingPlanner planner;
    private final TriageClassifier classifier;
    private final BlindIndex blindIndex;
    private final ObjectMapper json;

    public RoutingRules(Mutiny.SessionFactory sessions, RuleSetRepository ruleSets, LocationRepository locations,
            QueueRepository queues, RoutingSituations situations, RoutingPlanner planner, TriageClassifier classifier,
            BlindIndex blindIndex, ObjectMapper json) {
        this.sessions = sessions;
        this.ruleSets = ruleSets;
        this.locations = locations;
        this.queues = queues;
        this.situations = situations;
        this.planner = planner;
        this.classifier = classifier;
        this.blindIndex = blindIndex;
        this.json = json;
    }

    /** A version of the rules with its rules read back. */
    public record RuleSetVersion(int version, List<RoutingRule> rules, String comment, String createdBy,
            Instant createdAt) {
    }

    /** The rules in force; version 0 with no rules before any were saved. */
    public Uni<RuleSetVersion> inForce() {
        return sessions.withSession(ruleSets::active).map(this::version);
    }

    public Uni<List<RuleSetVersion>> history() {
        return sessions.withSession(ruleSets::all).map(all -> all.stream().map(this::version).toList());
    }

    /** A past version, or null. */
    public Uni<RuleSetVersion> version(int number) {
        return sessions.withSession(session -> ruleSets.version(session, number))
                .map(stored -> stored == null ? null : version(stored));
    }

    /**
     * Saves the rules as the next version.
     *
     * @param basedOn the version the admin edited; if another was saved since, nothing is saved (409)
     */
    public Uni<RuleSetVersion> save(StaffMember admin, int basedOn, List<RoutingRule> rules, String comment) {
        return sessions.withTransaction(session -> queuesByLocation(session).chain(queuesByLocation -> {
            List<FieldError> problems = new ArrayList<>(RuleSetValidator.problems(rules, queuesByLocation));
            if (comment != null && comment.length() > 500) {
                problems.add(new FieldError("comment", "at most 500 characters"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidFieldsException(problems);
            }
            return ruleSets.active(session).chain(current -> {
                int currentVersion = current == null ? 0 : current.version();
                if (currentVersion != basedOn) {
                    throw rulesChanged(basedOn, currentVersion);
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                return ruleSets.add(session, currentVersion, write(rules), comment, admin.username(), now)
                        .map(saved -> new RuleSetVersion(saved, rules, comment, admin.username(), now));
            });
        }));
    }

    /** What an admin asks the dry run. {@code from} and {@code at} are optional; {@code rules} tries a draft. */
    public record DryRunQuestion(String practiceNumber, String channel, String text, String fromPhone, Instant at,
            List<RoutingRule> rules) {
    }

    public record DryRunAnswer(String locationCode, RoutingPlan plan, Triage triage, String patientId,
            String onCallStaff) {
    }

    /**
     * Decides as the pipeline would for a message written at {@code at} (now if absent), without storing or sending
     * anything.
     */
    public Uni<DryRunAnswer> dryRun(DryRunQuestion question) {
        Instant at = question.at() != null ? question.at() : Instant.now();
        String digits = question.practiceNumber() == null ? "" : RoutingHandler.digitsOf(question.practiceNumber());
        String patientRef = question.fromPhone() == null ? blindIndex.of("dry-run", "no sender")
                : blindIndex.ofAddress(phone(question.fromPhone()));
        String channel = question.channel() == null ? Channels.SMS : question.channel();
        return sessions.withSession(session -> locations.findBySmsNumber(session, digits)
                .onItem().ifNull().failWith(() -> new InvalidFieldsException("practiceNumber",
                        "is not the number of any location; GET /locations lists them."))
                .chain(location -> queuesByLocation(session).chain(queuesByLocation -> {
                    RoutingSituation.RuleSet draft = null;
                    if (question.rules() != null) {
                        List<FieldError> problems = RuleSetValidator.problems(question.rules(), queuesByLocation);
                        if (!problems.isEmpty()) {
                            throw new InvalidFieldsException(problems);
                        }
                        draft = new RoutingSituation.RuleSet(0, question.rules());
                    }
                    Triage triage = classifier.classify(question.text());
                    return situations.load(session, location, channel, question.text(), triage, patientRef, at, draft)
                            .map(situation -> new DryRunAnswer(location.code, planner.plan(situation), triage,
                                    situation.patient() == null ? null : situation.patient().id(),
                                    situation.onCallStaff()));
                })));
    }

    private static String phone(String raw) {
        try {
            return ContactAddresses.phone(raw);
        } catch (ContactAddresses.NotAPhoneNumber e) {
            throw new InvalidFieldsException("from", e.getMessage());
        }
    }

    private Uni<Map<String, Set<String>>> queuesByLocation(Mutiny.Session session) {
        return queues.listAll(session).map(all -> {
            Map<String, Set<String>> byLocation = new LinkedHashMap<>();
            all.forEach(queue -> byLocation.computeIfAbsent(queue.locationCode, code -> new HashSet<>()).add(queue.code));
            return byLocation;
        });
    }

    private RuleSetVersion version(StoredRuleSet stored) {
        if (stored == null) {
            return new RuleSetVersion(0, List.of(), null, null, null);
        }
        return new RuleSetVersion(stored.version(), situations.parse(stored.rulesJson()), stored.comment(),
                stored.createdBy(), stored.createdAt());
    }

    private String write(List<RoutingRule> rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing rules cannot be written as JSON", e);
        }
    }

    private static ProblemException rulesChanged(int basedOn, int current) {
        return new ProblemException("rules-changed", "The rules changed since you loaded them", 409,
                "You edited version " + basedOn + " but version " + current + " is in force. Load it, apply your"
                        + " change again and save.");
    }
}
