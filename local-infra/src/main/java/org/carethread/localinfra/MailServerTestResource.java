package org.carethread.localinfra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real mail server (GreenMail, SMTP and IMAP on free ports) with the North practice
 * mailbox. With {@code @ResourceArg(name = "use", value = "imap")} the service polls that mailbox; by default its
 * mailer sends through the SMTP server. The test reads and delivers mail through the field marked {@link MailServer}.
 */
public class MailServerTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String PRACTICE_MAILBOX = "north@carethread.local";
    public static final String PASSWORD = "north-mailbox-password";

    /** Marks the test field that receives the server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface MailServer {
    }

    private boolean imap;
    private GreenMail server;

    @Override
    public void init(Map<String, String> initArgs) {
        imap = "imap".equals(initArgs.get("use"));
    }

    @Override
    public Map<String, String> start() {
        server = new GreenMail(new ServerSetup[] { ServerSetupTest.SMTP.dynamicPort(),
                ServerSetupTest.IMAP.dynamicPort() });
        server.start();
        server.setUser(PRACTICE_MAILBOX, PRACTICE_MAILBOX, PASSWORD);
        if (imap) {
            return Map.of("carethread.email.imap.enabled", "true",
                    "carethread.email.imap.host", "127.0.0.1",
                    "carethread.email.imap.port", String.valueOf(server.getImap().getPort()),
                    "carethread.email.imap.tls", "false",
                    "carethread.email.imap.user", PRACTICE_MAILBOX,
                    "carethread.email.imap.password", PASSWORD);
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(MailServer.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
