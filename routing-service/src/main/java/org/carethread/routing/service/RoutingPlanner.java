package org.carethread.routing.service;

import org.carethread.schemas.practice.OpeningHours;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.schemas.practice.OpeningHours.Status;
import org.carethread.routing.service.RoutingRule.Actions;
import org.carethread.routing.service.RoutingRule.Conditions;
import org.carethread.routing.triage.Triage;
import org.carethread.routing.triage.Urgency;
import org.carethread.schemas.Channels;

/**
 * Decides where a message goes. Precedence, highest first: an emergency (a safety rule fired) goes to the top of the
 * location's clinical queue with a safety reply and an on-call alert, whatever the hour or the rules; a number several
 * patients share goes to identity review; then the practice's rules in order, first match wins; then the location's
 * default queue (intake for an unknown sender). Pure: the pipeline and the dry run call it with the same situation.
 */
@ApplicationScoped
public class RoutingPlanner {
    public static final String MATCHED = "matched";
    public static final String REVIEW = "review";
    public static final String NEW_CONTACT = "new-contact";
    public static final String SAFETY = "safety";
    public static final String AFTER_HOURS = "after-hours";
    public static final String PRIMARY_PROVIDER = "primary-provider";
    public static final String CARE_TEAM = "care-team";
    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "critical");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public RoutingPlan plan(RoutingSituation s) {
        RoutingSituation.Place place = s.place();
        String identity = s.patient() != null ? MATCHED : s.candidates().size() > 1 ? REVIEW : NEW_CONTACT;
        int version = s.rules().version();
        if (s.triage().urgency() == Urgency.EMERGENCY) {
            String alerted = s.onCallStaff() != null ? "on-call " + s.onCallStaff() + " alerted"
                    : "nobody is on call, so the whole queue is alerted";
            return new RoutingPlan(place.clinicalQueue(), "critical", identity, null, version, null, SAFETY, s.at(),
                    true, "Emergency: a safety rule fired, so it tops " + place.queueName(place.clinicalQueue())
                            + " at any hour, the patient got the safety reply, and " + alerted + ".");
        }

        List<String> why = new ArrayList<>();
        why.add(reached(s.channel()) + place.name() + ".");
        Status status = s.hours().statusAt(s.at());
        String queue;
        String ruleId = null;
        Actions actions = null;
        if (REVIEW.equals(identity)) {
            queue = place.identityReviewQueue();
            why.add(s.candidates().size() + " patients share this number: staff confirm who wrote, in "
                    + place.queueName(queue) + ".");
        } else {
            RoutingRule fired = s.rules().rules().stream()
                    .filter(rule -> matches(rule.when(), s, identity, status))
                    .findFirst().orElse(null);
            if (fired != null) {
                ruleId = fired.id();
                actions = fired.then();
                queue = actions.queue() == null ? defaultQueue(place, identity) : queueOf(actions.queue(), place);
                why.add("Rule " + fired.id() + " (" + (version > 0 ? "rules v" + version : "draft rules") + ") matched: "
                        + fired.description() + ".");
            } else {
                queue = defaultQueue(place, identity);
                why.add(NEW_CONTACT.equals(identity)
                        ? "No patient in the directory has this number, so it waits in " + place.queueName(queue) + "."
                        : "No routing rule matched, so it goes to the location's default queue "
                                + place.queueName(queue) + ".");
            }
        }

        String priority = priorityOf(s.triage().urgency(), actions);
        String directedTo = directedTo(actions, s.patient(), why);
        if (directedTo != null && s.coverage().containsKey(directedTo)) {
            String covering = s.coverage().get(directedTo);
            why.add(directedTo + " is away; " + covering + " is covering.");
            directedTo = covering;
        } else if (directedTo != null) {
            why.add("Directed to " + directedTo + ".");
        }

        Instant clockStartsAt = s.at();
        String autoReply = null;
        if (status != Status.BUSINESS_HOURS) {
            String closed = status == Status.HOLIDAY ? "closed for " + s.hours().holidayOn(s.at()) : "after hours";
            boolean routine = s.triage().urgency() == Urgency.ROUTINE;
            if (routine) {
                clockStartsAt = s.hours().nextOpeningAt(s.at());
                why.add("Written " + closed + ": its clock starts when the location next opens.");
            } else {
                why.add("Written " + closed + ", but urgent: its clock starts now.");
            }
            boolean wanted = routine || (actions != null && AFTER_HOURS.equals(actions.autoReply()));
            boolean recentlyReplied = s.lastAfterHoursReply() != null
                    && s.lastAfterHoursReply().plus(place.autoReplyInterval()).isAfter(s.at());
            if (wanted && !recentlyReplied) {
                autoReply = AFTER_HOURS;
                why.add("The patient got the after-hours reply.");
            } else if (wanted) {
                why.add("The after-hours reply was already sent recently, so not again.");
            }
        }
        return new RoutingPlan(queue, priority, identity, ruleId, version, directedTo, autoReply, clockStartsAt,
                false, String.join(" ", why));
    }

    /** Resolves {@code {location}} in a rule's queue, e.g. {@code {location}-billing} at North is north-billing. */
    public static String queueOf(String template, RoutingSituation.Place place) {
        return template.replace("{location}", place.code());
    }

    private static String defaultQueue(RoutingSituation.Place place, String identity) {
        return NEW_CONTACT.equals(identity) ? place.intakeQueue() : place.defaultQueue();
    }

    private static boolean matches(Conditions when, RoutingSituation s, String identity, Status status) {
        if (when == null) {
            return true;
        }
        Triage triage = s.triage();
        return anyOf(when.categories(), triage.category().code())
                && anyOf(when.urgencies(), triage.urgency().code())
                && anyOf(when.locations(), s.place().code())
                && anyOf(when.channels(), s.channel())
                && anyOf(when.careTeams(), s.patient() == null ? null : s.patient().careTeam())
                && anyOf(when.identities(), identity)
                && (when.time() == null || when.time().equals(status.code()))
                && (empty(when.keywords()) || when.keywords().stream().anyMatch(k -> containsWord(s.text(), k)));
    }

    private static boolean anyOf(List<String> allowed, String actual) {
        return empty(allowed) || (actual != null && allowed.contains(actual));
    }

    /** How the patient reached the practice, in the words staff read first in a decision's reason. */
    private static String reached(String channel) {
        return switch (channel == null ? Channels.SMS : channel) {
            case Channels.EMAIL -> "E-mailed ";
            case Channels.VOICEMAIL -> "Called ";
            default -> "Texted ";
        };
    }

    private static boolean empty(List<String> values) {
        return values == null || values.isEmpty();
    }

    static boolean containsWord(String text, String keyword) {
        String haystack = " " + fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        String needle = " " + fold(keyword).replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
        return needle.isBlank() ? false : haystack.contains(needle);
    }

    private static String fold(String value) {
        return MARKS.matcher(Normalizer.normalize(value == null ? "" : value, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    private static String priorityOf(Urgency urgency, Actions actions) {
        String priority = urgency == Urgency.URGENT ? "high" : "normal";
        if (actions != null && actions.priority() != null) {
            priority = actions.priority();
        }
        if (actions != null && Boolean.TRUE.equals(actions.escalate())) {
            // One step up, but never critical: that is reserved for emergencies so they always sort first.
            priority = PRIORITIES.get(Math.min(PRIORITIES.indexOf(priority) + 1, PRIORITIES.indexOf("high")));
        }
        return priority;
    }

    private static String directedTo(Actions actions, PatientCandidate patient, List<String> why) {
        if (actions == null || actions.directTo() == null) {
            return null;
        }
        return switch (actions.directTo()) {
            case PRIMARY_PROVIDER -> {
                if (patient == null || patient.primaryProvider() == null) {
                    why.add("The rule directs it to the primary provider, but none is on record: it stays with the queue.");
                    yield null;
                }
                yield patient.primaryProvider();
            }
            case CARE_TEAM -> {
                if (patient == null || patient.careTeam() == null) {
                    why.add("The rule directs it to the care team, but none is on record: it stays with the queue.");
                    yield null;
                }
                yield "team:" + patient.careTeam();
            }
            default -> actions.directTo();
        };
    }
}
