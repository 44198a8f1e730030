package org.carethread.routing.service;

import java.util.List;

/**
 * One of the practice's ordered routing rules: when every condition given holds, the actions apply and later rules are
 * not consulted. Conditions left out (null or empty) match anything. Stored as JSON in a versioned rule set and edited
 * through the admin API, so the field names are the contract practice admins write.
 */
public record RoutingRule(String id, String description, Conditions when, Actions then) {

    /**
     * @param categories triage categories, e.g. {@code billing}
     * @param urgencies  {@code urgent}, {@code routine} (emergencies never reach the rules)
     * @param locations  location codes: the number the patient texted
     * @param channels   {@code sms}, {@code email}, {@code voicemail}
     * @param careTeams  the matched patient's care team codes
     * @param identities {@code matched}, {@code new-contact} (identity review comes before the rules)
     * @param keywords   words or phrases; any one found in the message (case- and accent-insensitive) matches
     * @param time       {@code business-hours}, {@code after-hours} (closed for the night or weekend) or {@code holiday}
     */
    public record Conditions(List<String> categories, List<String> urgencies, List<String> locations,
            List<String> channels, List<String> careTeams, List<String> identities, List<String> keywords,
            String time) {
    }

    /**
     * @param queue     a queue code; {@code {location}} stands for the location's code, e.g. {@code {location}-billing}
     * @param directTo  {@code primary-provider}, {@code care-team} or a staff username
     * @param priority  {@code high}, {@code normal} or {@code low} ({@code critical} is kept for emergencies)
     * @param autoReply {@code after-hours}: send the after-hours reply even if the message is not routine
     * @param escalate  raise the priority one step above what urgency gives
     */
    public record Actions(String queue, String directTo, String priority, String autoReply, Boolean escalate) {
    }
}
