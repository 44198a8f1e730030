package org.carethread.conversation.rest;

import java.util.List;

/**
 * A template filled in for one conversation, as it would be sent. {@code missing} names the variables still without a
 * value (they stay as {{name}} in {@code text}); a reply is refused until it is empty.
 */
public record TemplatePreview(String templateId, int version, String text, List<String> missing, int characters) {
}
