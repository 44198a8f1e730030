package org.carethread.conversation.service;

/**
 * A template, note or scheduled reply refused for a reason staff can act on. The detail is written for them and never
 * quotes what they wrote (it may be PHI); it names variables, fields and limits only.
 */
public class AnswerRefusedException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;

    AnswerRefusedException(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static AnswerRefusedException templateNotFound() {
        return new AnswerRefusedException(404, "template-not-found", "Template not found",
                "There is no template with this id. GET /api/templates lists the practice's templates.");
    }

    static AnswerRefusedException templateInvalid(String detail) {
        return new AnswerRefusedException(400, "template-invalid", "The template is not valid", detail);
    }

    static AnswerRefusedException templateNameTaken() {
        return new AnswerRefusedException(409, "template-name-taken", "Template name in use",
                "Another template already has this name. Choose another name, or edit that template.");
    }

    static AnswerRefusedException templateChanged(int current) {
        return new AnswerRefusedException(412, "template-changed", "Template has changed",
                "Someone saved this template after you loaded it (it is now at version " + current
                        + "). Reload it, check their change, and save again.");
    }

    static AnswerRefusedException valuesMissing(java.util.List<String> missing) {
        return new AnswerRefusedException(422, "template-values-missing", "The template needs values",
                "Nothing was sent: " + String.join(", ", missing) + (missing.size() > 1 ? " have" : " has")
                        + " no value. Enter the missing values in 'values', or write the reply yourself.");
    }

    static AnswerRefusedException scheduledReplyNotFound() {
        return new AnswerRefusedException(404, "scheduled-reply-not-found", "Scheduled reply not found",
                "There is no scheduled reply with this id in the conversation.");
    }

    static AnswerRefusedException alreadySent() {
        return new AnswerRefusedException(409, "scheduled-reply-sent", "Already sent",
                "This reply has already gone out (or was cancelled), so it cannot be cancelled now.");
    }

    static AnswerRefusedException mentionNotFound() {
        return new AnswerRefusedException(404, "mention-not-found", "Mention not found",
                "There is no mention of you with this id.");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
