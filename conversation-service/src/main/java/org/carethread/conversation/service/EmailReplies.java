package org.carethread.conversation.service;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.Message;
import org.carethread.conversation.repository.MessageRepository;
import org.carethread.schemas.Channels;
import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.OutboundRequested;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Makes a reply on an e-mail conversation an answer in the patient's thread: subject "Re: " and theirs, In-Reply-To
 * their last mail, and a Message-ID of ours whose blind index is kept, so their answer to it comes back here.
 */
@ApplicationScoped
public class EmailReplies {
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^((re|aw|sv|fwd?)\\s*:\\s*)+");
    /** When the patient's mail had no subject. */
    private static final String NO_SUBJECT = "Your message";

    private final MessageRepository messages;
    private final PhiCipher cipher;
    private final BlindIndex blindIndex;

    public EmailReplies(MessageRepository messages, PhiCipher cipher, BlindIndex blindIndex) {
        this.messages = messages;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    /** Fills the reply's e-mail fields before it is stored; an SMS reply is left as it is. */
    public Uni<Void> thread(Mutiny.Session session, Conversation conversation, Message reply) {
        if (!Channels.EMAIL.equals(reply.channel)) {
            return Uni.createFrom().voidItem();
        }
        String messageId = OutboundRequested.emailMessageId(reply.id.toString(), conversation.practiceNumber);
        reply.sealedEmailMessageId = cipher.seal(messageId);
        reply.emailMessageRef = blindIndex.ofMessageId(messageId);
        return messages.patientsLastEmail(session, conversation.id)
                .invoke(patientsLast -> {
                    String subject = patientsLast == null ? null : cipher.open(patientsLast.sealedSubject);
                    reply.sealedSubject = cipher.seal("Re: " + withoutReplyPrefix(subject));
                    reply.sealedEmailInReplyTo = patientsLast == null ? null : patientsLast.sealedEmailMessageId;
                })
                .replaceWithVoid();
    }

    private static String withoutReplyPrefix(String subject) {
        String bare = subject == null ? "" : REPLY_PREFIX.matcher(subject.strip()).replaceFirst("").strip();
        return bare.isEmpty() ? NO_SUBJECT : bare;
    }
}
