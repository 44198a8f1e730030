package org.carethread.conversation.rest;

import java.util.Map;
import java.util.UUID;

import org.carethread.conversation.service.ConversationService.ReplyDraft;
import org.carethread.conversation.service.TemplateText.Variable;

/** Checks a reply request before anything happens: own words or a template, never both, within the limits. */
final class ReplyDrafts {
    private static final int VALUE_MAX_LENGTH = 200;

    private ReplyDrafts() {
    }

    static ReplyDraft of(ReplyRequest body, int maxLength, String staffFirstName) {
        if (body == null || (body.text() == null) == (body.templateId() == null)) {
            throw new InvalidRequestException("Write the reply in 'text', or name a template in 'templateId'"
                    + " (one of the two).");
        }
        if (body.templateId() == null) {
            if (body.text().isBlank()) {
                throw new InvalidRequestException("Write the reply in 'text'; it must not be empty.");
            }
            if (body.text().length() > maxLength) {
                throw new InvalidRequestException("The reply has " + body.text().length() + " characters; at most "
                        + maxLength + " fit in a text message. Shorten it or split it in two.");
            }
            return new ReplyDraft(body.text(), null, Map.of(), staffFirstName);
        }
        UUID templateId;
        try {
            templateId = UUID.fromString(body.templateId());
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidRequestException("'templateId' must be a template's id from /api/templates.");
        }
        Map<String, String> values = body.values() == null ? Map.of() : body.values();
        values.forEach((code, value) -> {
            Variable variable = Variable.of(code);
            if (variable == null || !variable.entered()) {
                throw new InvalidRequestException("'values' may only hold the variables staff enter ("
                        + String.join(", ", java.util.Arrays.stream(Variable.values()).filter(Variable::entered)
                                .map(Variable::code).toList())
                        + "); CareThread fills the others.");
            }
            if (value != null && value.length() > VALUE_MAX_LENGTH) {
                throw new InvalidRequestException("The value of '" + code + "' is longer than " + VALUE_MAX_LENGTH
                        + " characters.");
            }
        });
        return new ReplyDraft(null, templateId, values, staffFirstName);
    }
}
