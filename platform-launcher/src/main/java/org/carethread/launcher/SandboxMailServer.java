package org.carethread.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real mail server on this machine (GreenMail, SMTP and IMAP, plain text, loopback only) standing in for the
 * practice's: the practice mailboxes of North and South live here, ingestion-service polls North's over IMAP,
 * notification-service sends the practice's answers through its SMTP, and a patient's mailbox appears the first time
 * mail reaches it (its login and password are its address).
 */
public final class SandboxMailServer implements AutoCloseable {
    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;
    public static final String NORTH_MAILBOX = "north@carethread.local";
    public static final String SOUTH_MAILBOX = "south@carethread.local";
    /** The local practice mailboxes' password (a sandbox: nothing here is secret). */
    public static final String MAILBOX_PASSWORD = "carethread-local-mailbox";

    private final GreenMail server;

    public SandboxMailServer() {
        server = new GreenMail(new ServerSetup[] { new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
    }

    public void start() {
        server.start();
        server.setUser(NORTH_MAILBOX, NORTH_MAILBOX, MAILBOX_PASSWORD);
        server.setUser(SOUTH_MAILBOX, SOUTH_MAILBOX, MAILBOX_PASSWORD);
    }

    @Override
    public void close() {
        server.stop();
    }
}
