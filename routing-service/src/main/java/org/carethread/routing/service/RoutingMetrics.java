package org.carethread.routing.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.RoutingDecision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Routing counters for operators. Tags are location codes and outcomes only, never anything about a patient. */
@ApplicationScoped
public class RoutingMetrics {
    public static final String DECISIONS = "carethread.routing.decisions";
    public static final String DELAY = "carethread.routing.delay";
    private static final String OUTCOME_UNROUTABLE = "unroutable";
    private static final String NO_LOCATION = "none";

    private final MeterRegistry registry;

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A committed decision, and how long after the carrier received the message it was made. */
    public void routed(RoutingDecision decision, Instant receivedAt) {
        decisions(decision.locationCode, outcomeOf(decision)).increment();
        if (receivedAt != null) {
            Timer.builder(DELAY)
                    .description("Time from the carrier receiving a patient message to its routing decision")
                    .tag("location", decision.locationCode)
                    .register(registry)
                    .record(Duration.between(receivedAt, decision.decidedAt));
        }
    }

    /** A message no location could take, handed to the dead-letter topic. */
    public void unroutable() {
        decisions(NO_LOCATION, OUTCOME_UNROUTABLE).increment();
    }

    /** Which branch of the planner decided: emergency, identity-review, rule, intake or default-queue. */
    private static String outcomeOf(RoutingDecision decision) {
        if ("emergency".equals(decision.urgency)) {
            return "emergency";
        }
        if (RoutingPlanner.REVIEW.equals(decision.identity)) {
            return "identity-review";
        }
        if (decision.ruleId != null) {
            return "rule";
        }
        return RoutingPlanner.NEW_CONTACT.equals(decision.identity) ? "intake" : "default-queue";
    }

    private Counter decisions(String location, String outcome) {
        return Counter.builder(DECISIONS)
                .description("Routing decisions made for inbound messages, by location and outcome")
                .tag("location", location)
                .tag("outcome", outcome)
                .register(registry);
    }
}
