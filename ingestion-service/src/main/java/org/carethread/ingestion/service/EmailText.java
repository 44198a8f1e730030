package org.carethread.ingestion.service;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What staff read of an e-mail: plain text only, without the history the mail program quoted below it. HTML is
 * reduced to its visible words, so no markup, script, style or link target survives; staff see what the patient
 * wrote this time, not the whole thread again.
 */
public final class EmailText {
    /** Elements whose content is never shown as text. */
    private static final String HIDDEN = "head, script, style, template, noscript, iframe, object, embed, svg, math";
    /** Where mail programs put quoted history in HTML: Apple and Thunderbird, Gmail, Outlook, Yahoo. */
    private static final String QUOTED = "blockquote[type=cite], div.gmail_quote, div.moz-cite-prefix,"
            + " div#divRplyFwdMsg, div#appendonsend, div.yahoo_quoted";
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "address");

    /** "On Mon, 3 Nov 2026 at 10:02, North Clinic <north@…> wrote:", possibly wrapped over two lines. */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?i)^on\\b.{0,300}\\bwrote:\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("(?i)^-{2,}\\s*original message\\s*-{2,}\\s*$");
    private static final Pattern HEADER_LINE = Pattern.compile("(?i)^(from|sent|date|to|cc|subject):\\s.*");
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^_{10,}\\s*$");

    private EmailText() {
    }

    /** The visible words of an HTML part, one line per block. */
    public static String fromHtml(String html) {
        Document document = Jsoup.parse(html);
        document.select(HIDDEN).remove();
        for (Element quoted : document.select(QUOTED)) {
            // Outlook puts the history after its reply header, as siblings: all of it goes.
            while (quoted.nextElementSibling() != null) {
                quoted.nextElementSibling().remove();
            }
            quoted.remove();
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode words) {
                    text.append(words.text());
                } else if (node instanceof Element element && (element.nameIs("br") || isBlock(element))) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && isBlock(element)) {
                    text.append('\n');
                }
            }
        }, document.body());
        return tidy(text.toString());
    }

    /** The text above the quoted history, without quoted ({@code >}) lines. */
    public static String withoutQuotedHistory(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (startsHistory(lines, i, line)) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.append(lines.get(i)).append('\n');
            }
        }
        return tidy(kept.toString());
    }

    private static boolean startsHistory(List<String> lines, int i, String line) {
        String withNext = i + 1 < lines.size() ? line + " " + lines.get(i + 1).strip() : line;
        return ATTRIBUTION.matcher(line).matches()
                || (line.regionMatches(true, 0, "On ", 0, 3) && ATTRIBUTION.matcher(withNext).matches())
                || ORIGINAL_MESSAGE.matcher(line).matches()
                || (OUTLOOK_RULE.matcher(line).matches() && i + 1 < lines.size()
                        && outlookHeaderAt(lines, i + 1))
                || outlookHeaderAt(lines, i);
    }

    /** Outlook's "From: … Sent: … To: … Subject: …" block: a From: line followed by more header lines. */
    private static boolean outlookHeaderAt(List<String> lines, int i) {
        if (!lines.get(i).strip().regionMatches(true, 0, "From:", 0, 5)) {
            return false;
        }
        int headers = 0;
        for (int j = i; j < Math.min(lines.size(), i + 6); j++) {
            if (HEADER_LINE.matcher(lines.get(j).strip()).matches()) {
                headers++;
            }
        }
        return headers >= 3;
    }

    private static boolean isBlock(Element element) {
        return BLOCKS.contains(element.normalName());
    }

    /** Lines without surrounding blanks, at most one empty line in a row, none at either end. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (String line : text.split("\n", -1)) {
            String stripped = line.replace('\u00a0', ' ').strip();
            if (stripped.isEmpty()) {
                gap = true;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(gap ? "\n\n" : "\n");
            }
            out.append(stripped);
            gap = false;
        }
        return out.toString();
    }
}
