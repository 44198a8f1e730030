package org.carethread.ingestion.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;

import org.carethread.ingestion.config.ImapConfig;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * The practice mailbox over IMAP: the unseen mails, raw, and marking one seen once CareThread has it. Blocking: call
 * it from a worker thread. A session is one connection, opened for one poll.
 */
@ApplicationScoped
public class PracticeMailbox {
    private final ImapConfig config;

    public PracticeMailbox(ImapConfig config) {
        this.config = config;
    }

    /** One mail as the server holds it. */
    public record Mail(long uid, byte[] raw, Instant receivedAt) {
    }

    public Connection open() throws MessagingException {
        String protocol = config.tls() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", "10000");
        properties.setProperty("mail." + protocol + ".timeout", "30000");
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(config.host().orElseThrow(), config.port(), config.user().orElse(null),
                config.password().orElse(null));
        Folder folder = store.getFolder(config.folder());
        folder.open(Folder.READ_WRITE);
        return new Connection(store, folder);
    }

    /** An open mailbox folder. */
    public final class Connection implements AutoCloseable {
        private final Store store;
        private final Folder folder;

        private Connection(Store store, Folder folder) {
            this.store = store;
            this.folder = folder;
        }

        /** The oldest unseen mails, up to the batch size. Reading one does not mark it seen (peek). */
        public List<Mail> unseen() throws MessagingException, IOException {
            List<Mail> mails = new ArrayList<>();
            for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                if (mails.size() >= config.batchSize()) {
                    break;
                }
                if (message instanceof IMAPMessage imap) {
                    // Peek: fetching the body must not set \Seen before the event is in Kafka.
                    imap.setPeek(true);
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    imap.writeTo(raw);
                    Instant received = message.getReceivedDate() == null ? Instant.now()
                            : message.getReceivedDate().toInstant();
                    mails.add(new Mail(((UIDFolder) folder).getUID(message), raw.toByteArray(), received));
                }
            }
            return mails;
        }

        /** Marks a mail seen: CareThread has it (or has refused it for good), and the next poll passes it by. */
        public void markSeen(long uid) throws MessagingException {
            Message message = ((UIDFolder) folder).getMessageByUID(uid);
            if (message != null) {
                message.setFlag(Flags.Flag.SEEN, true);
            }
        }

        @Override
        public void close() throws MessagingException {
            try {
                folder.close(false);
            } finally {
                store.close();
            }
        }
    }
}
