package org.carethread.ingestion.service;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import org.carethread.ingestion.config.EmailConfig;
import org.carethread.ingestion.service.AttachmentInspector.ExpansionBudget;
import org.carethread.ingestion.service.WebhookRejectedException.Reason;

/**
 * Reads a raw e-mail (RFC 5322 with MIME) the way CareThread keeps it: the sender, the practice mailbox, the ids that
 * thread it, the subject, the text (text/plain preferred, else the HTML reduced to text; quoted history trimmed) and
 * what is attached. Anything it cannot read exactly is refused rather than guessed at: a malformed structure, a text
 * in an unknown or wrong character set, more than the limits allow. Refusals never quote the mail.
 */
@ApplicationScoped
public class EmailReader {
    /** A Message-ID in angle brackets; group 1 is the id. */
    static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]{1,250})>");
    private static final Pattern CHARSET_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,40}");
    private static final int MAX_THREAD_REFS = 50;

    /** Addresses are read strictly; a multipart cut short is caught by {@link MimeParts#multipart}. */
    private static final Session STRICT = Session.getInstance(strictProperties());

    private final EmailConfig config;
    private final AttachmentInspector attachments;

    public EmailReader(EmailConfig config, AttachmentInspector attachments) {
        this.config = config;
        this.attachments = attachments;
    }

    /** A patient's mail, or a mail system's report on one we sent ({@link DeliveryReports}). */
    public ArrivedEmail read(byte[] raw) {
        if (raw.length > config.maxMessageBytes()) {
            throw new WebhookRejectedException(Reason.TOO_LARGE, "The e-mail is larger than "
                    + config.maxMessageBytes() / (1 << 20) + " MiB with its attachments; ask the patient to send"
                    + " fewer or smaller files.");
        }
        try {
            MimeMessage message = new MimeMessage(STRICT, new ByteArrayInputStream(raw));
            String messageId = messageId(message);
            String mailbox = practiceMailbox(message);
            DeliveryReport report = DeliveryReports.read(message, messageId, mailbox);
            if (report != null) {
                return report;
            }
            String from = sender(message);
            Body body = new Body(attachments.newBudget());
            body.walk(message, 0);
            String text = body.text();
            if (text.length() > config.maxTextChars()) {
                throw new WebhookRejectedException(Reason.TOO_LARGE, "The e-mail's text is longer than "
                        + config.maxTextChars() + " characters.");
            }
            String subject = subject(message);
            if (text.isEmpty() && subject.isEmpty() && body.attachments.isEmpty()) {
                throw WebhookRejectedException.invalid("The e-mail has no text, subject or attachment.");
            }
            return new InboundEmail(messageId, answers(message), from, mailbox, subject, text,
                    List.copyOf(body.attachments));
        } catch (MessagingException e) {
            // jakarta.mail's messages can quote header values: say what is wrong without them.
            throw WebhookRejectedException.invalid("The body is not a readable MIME e-mail (message/rfc822).");
        }
    }

    private static String messageId(MimeMessage message) throws MessagingException {
        String header = message.getHeader("Message-ID", null);
        Matcher id = header == null ? null : MESSAGE_ID.matcher(header);
        if (id == null || !id.find()) {
            throw WebhookRejectedException.invalid("The e-mail has no valid Message-ID header (<id@host>); it is"
                    + " needed to accept each mail once.");
        }
        return id.group(1);
    }

    /** In-Reply-To first, then References from the newest: the nearest message a reply answers comes first. */
    private static List<String> answers(MimeMessage message) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>(idsIn(message.getHeader("In-Reply-To", " ")));
        List<String> references = idsIn(message.getHeader("References", " "));
        for (int i = references.size() - 1; i >= 0 && ids.size() < MAX_THREAD_REFS; i--) {
            ids.add(references.get(i));
        }
        return List.copyOf(ids);
    }

    private static List<String> idsIn(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher id = MESSAGE_ID.matcher(header);
            while (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    private static String sender(MimeMessage message) throws MessagingException {
        try {
            Address[] from = message.getFrom();
            if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress address)
                    || address.getAddress() == null || !address.getAddress().contains("@")) {
                throw WebhookRejectedException.invalid("The e-mail must have exactly one sender address in From.");
            }
            address.validate();
            return address.getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw WebhookRejectedException.invalid("The e-mail's From header is not a valid address.");
        }
    }

    /** The mailbox it was delivered to (Delivered-To, set by the receiving server), else the first To address. */
    private static String practiceMailbox(MimeMessage message) throws MessagingException {
        try {
            String deliveredTo = message.getHeader("Delivered-To", null);
            Address[] to = deliveredTo != null ? InternetAddress.parseHeader(deliveredTo, true)
                    : message.getRecipients(MimeMessage.RecipientType.TO);
            if (to == null || to.length == 0 || !(to[0] instanceof InternetAddress address)
                    || address.getAddress() == null || !address.getAddress().contains("@")) {
                throw WebhookRejectedException.invalid("The e-mail names no practice mailbox in Delivered-To or To.");
            }
            return address.getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw WebhookRejectedException.invalid("The e-mail's Delivered-To or To header is not a valid address.");
        }
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null ? "" : subject.strip();
    }

    private static Properties strictProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "true");
        return properties;
    }

    /** The parts of one e-mail as they are walked: the first plain and HTML texts, and the attachments. */
    private final class Body {
        private final ExpansionBudget budget;
        private final List<InboundEmail.Attachment> attachments = new ArrayList<>();
        private String plain;
        private String html;

        Body(ExpansionBudget budget) {
            this.budget = budget;
        }

        void walk(Part part, int depth) throws MessagingException {
            MimeParts.checkDepth(depth);
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = MimeParts.multipart(part);
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), depth + 1);
                }
            } else if (isAttachment(part)) {
                attach(part);
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = decoded(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = decoded(part);
            } else if (!part.isMimeType("text/*")) {
                attach(part);
            }
        }

        String text() {
            if (plain != null) {
                return EmailText.withoutQuotedHistory(plain);
            }
            return html == null ? "" : EmailText.withoutQuotedHistory(EmailText.fromHtml(html));
        }

        private void attach(Part part) throws MessagingException {
            if (attachments.size() >= config.maxAttachments()) {
                throw new WebhookRejectedException(Reason.TOO_LARGE, "The e-mail carries more than "
                        + config.maxAttachments() + " attachments.");
            }
            byte[] bytes = MimeParts.bytes(part);
            EmailReader.this.attachments.checkExpansion(bytes, budget);
            attachments.add(new InboundEmail.Attachment(fileName(part),
                    EmailReader.this.attachments.contentType(bytes), bytes));
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName(part) != null;
        }

        private static String fileName(Part part) throws MessagingException {
            try {
                String name = part.getFileName();
                return name == null ? null : MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                throw WebhookRejectedException.invalid("An attachment's file name is in an unknown character set.");
            }
        }

        /** The text in its declared character set, refused when the set is unknown or the bytes are not in it. */
        private static String decoded(Part part) throws MessagingException {
            Charset charset = charset(part);
            try {
                return charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(MimeParts.bytes(part)))
                        .toString();
            } catch (CharacterCodingException e) {
                throw WebhookRejectedException.invalid("The e-mail's text is not valid " + charset.name()
                        + ", the character set it declares. Nothing was kept; resend it from a mail program that"
                        + " labels its text correctly.");
            }
        }

        /** The declared character set; without one UTF-8, which also reads the US-ASCII RFC 2045 assumes. */
        private static Charset charset(Part part) throws MessagingException {
            String declared;
            try {
                declared = new ContentType(part.getContentType()).getParameter("charset");
            } catch (ParseException e) {
                throw WebhookRejectedException.invalid("A text part's Content-Type header is malformed.");
            }
            if (declared == null || declared.isBlank()) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(MimeUtility.javaCharset(declared.strip()));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                String shown = CHARSET_NAME.matcher(declared.strip()).matches() ? "'" + declared.strip() + "'" : "it";
                throw WebhookRejectedException.invalid("The e-mail's text declares a character set CareThread does"
                        + " not know (" + shown + "). Nothing was kept; resend it as UTF-8.");
            }
        }
    }
}
