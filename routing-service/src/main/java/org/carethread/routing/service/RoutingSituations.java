package org.carethread.routing.service;

import org.carethread.schemas.practice.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.AutoReplyLog;
import org.carethread.routing.repository.CoverageRepository;
import org.carethread.routing.repository.Location;
import org.carethread.routing.repository.OpeningHoursRepository;
import org.carethread.routing.repository.QueueRepository;
import org.carethread.routing.repository.RuleSetRepository;
import org.carethread.routing.triage.Triage;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Gathers what a routing decision depends on from the directory, the hours, the rules in force and the coverage
 * tables, for the pipeline and for the admins' dry run alike.
 */
@ApplicationScoped
public class RoutingSituations {
    private static final TypeReference<List<RoutingRule>> RULES = new TypeReference<>() {
    };

    private final QueueRepository queues;
    private final OpeningHoursRepository hours;
    private final RuleSetRepository ruleSets;
    private final CoverageRepository coverage;
    private final AutoReplyLog autoReplies;
    private final PatientDirectory directory;
    private final PatientLinks links;
    private final ObjectMapper json;

    public RoutingSituations(QueueRepository queues, OpeningHoursRepository hours, RuleSetRepository ruleSets,
            CoverageRepository coverage, AutoReplyLog autoReplies, PatientDirectory directory, PatientLinks links,
            ObjectMapper json) {
        this.queues = queues;
        this.hours = hours;
        this.ruleSets = ruleSets;
        this.coverage = coverage;
        this.autoReplies = autoReplies;
        this.directory = directory;
        this.links = links;
        this.json = json;
    }

    /**
     * @param rules the rules to decide with; null for the rules in force (a dry run may try a draft)
     */
    public Uni<RoutingSituation> load(Mutiny.Session session, Location location, String channel, String text,
            Triage triage, String patientRef, Instant at, RoutingSituation.RuleSet rules) {
        Uni<RoutingSituation.RuleSet> ruleSet = rules != null ? Uni.createFrom().item(rules) : inForce(session);
        return queues.listOfLocation(session, location.code).chain(locationQueues -> {
            Map<String, String> names = new LinkedHashMap<>();
            locationQueues.forEach(queue -> names.put(queue.code, queue.name));
            RoutingSituation.Place place = new RoutingSituation.Place(location.code, location.name,
                    location.defaultQueue, location.clinicalQueue, location.intakeQueue, location.identityReviewQueue,
                    names, Duration.ofMinutes(location.autoReplyIntervalMinutes));
            return links.activeFor(session, patientRef, location.code).chain(linked -> directory
                    .candidatesFor(session, patientRef)
                    .chain(candidates -> hours.of(session, location.code, ZoneId.of(location.timeZone))
                            .chain(openingHours -> ruleSet
                                    .chain(set -> coverage.coveringAt(session, at)
                                            .chain(covering -> coverage.onCallAt(session, location.code, at)
                                                    .chain(onCall -> autoReplies.lastSent(session, patientRef,
                                                            location.code, RoutingPlanner.AFTER_HOURS)
                                                            .map(lastReply -> new RoutingSituation(place, channel,
                                                                    text, triage, identify(linked, candidates),
                                                                    candidates, at, openingHours, set, covering,
                                                                    onCall, lastReply))))))));
        });
    }

    /** The rules in force; before any were saved, none (every message goes to its location's default queue). */
    public Uni<RoutingSituation.RuleSet> inForce(Mutiny.Session session) {
        return ruleSets.active(session).map(stored -> stored == null ? new RoutingSituation.RuleSet(0, List.of())
                : new RoutingSituation.RuleSet(stored.version(), parse(stored.rulesJson())));
    }

    public List<RoutingRule> parse(String rulesJson) {
        try {
            return json.readValue(rulesJson, RULES);
        } catch (JsonProcessingException e) {
            // Saved rules were validated; unreadable ones mean the table was edited by hand.
            throw new IllegalStateException("the routing rules in force cannot be read: " + e.getOriginalMessage());
        }
    }

    /** A link staff confirmed wins; otherwise the sender is a patient only when exactly one has the address. */
    private static PatientCandidate identify(PatientCandidate linked, List<PatientCandidate> candidates) {
        if (linked != null) {
            return linked;
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }
}
