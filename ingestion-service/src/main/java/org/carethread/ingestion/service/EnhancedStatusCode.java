package org.carethread.ingestion.service;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An enhanced mail system status code (RFC 3463), such as 5.1.1: class (2 success, 4 persistent transient failure, 5
 * permanent failure), subject and detail. It is the one part of a bounce safe to show staff: the server's own words
 * echo the recipient's address, these fixed phrases do not.
 */
public record EnhancedStatusCode(int statusClass, int subject, int detail) {
    private static final Pattern CODE = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    /** The common codes by subject.detail (RFC 3463 and the IANA registry), in words a front desk can act on. */
    private static final Map<String, String> DETAILS = Map.ofEntries(
            Map.entry("1.1", "mailbox unavailable"),
            Map.entry("1.2", "mail domain not found"),
            Map.entry("1.3", "address not valid"),
            Map.entry("1.4", "address ambiguous"),
            Map.entry("1.6", "mailbox has moved"),
            Map.entry("1.10", "the domain accepts no mail"),
            Map.entry("2.1", "mailbox disabled"),
            Map.entry("2.2", "mailbox full"),
            Map.entry("2.3", "message too large for the mailbox"),
            Map.entry("3.1", "the recipient's mail system is full"),
            Map.entry("3.4", "message too large"),
            Map.entry("4.1", "the recipient's mail server did not answer"),
            Map.entry("4.2", "the connection to the recipient's mail server broke off"),
            Map.entry("4.4", "no route to the recipient's mail server"),
            Map.entry("4.7", "delivery time expired"),
            Map.entry("7.1", "refused by the recipient's mail server"));

    /** When the detail is not one of the above: what its subject is about. */
    private static final String[] SUBJECTS = { "other problem", "address problem", "mailbox problem",
            "mail system problem", "network or routing problem", "mail protocol problem", "content not accepted",
            "refused by the recipient's mail server's policy" };

    /** The first code in a text (a DSN's Status field, a bounce's SMTP answer), or null. */
    public static EnhancedStatusCode find(CharSequence text) {
        if (text == null) {
            return null;
        }
        Matcher code = CODE.matcher(text);
        return code.find() ? new EnhancedStatusCode(Integer.parseInt(code.group(1)), Integer.parseInt(code.group(2)),
                Integer.parseInt(code.group(3))) : null;
    }

    public boolean isSuccess() {
        return statusClass == 2;
    }

    /** E.g. "mailbox unavailable (5.1.1)". */
    public String describe() {
        String words = DETAILS.get(subject + "." + detail);
        if (words == null) {
            words = subject < SUBJECTS.length ? SUBJECTS[subject] : SUBJECTS[0];
        }
        return words + " (" + this + ")";
    }

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }
}
