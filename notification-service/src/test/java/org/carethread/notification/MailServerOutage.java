package org.carethread.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The practice's SMTP server as a real GreenMail that a test can take down and bring back on the same port, the way
 * an outage looks to the service: connections refused, then accepted again. Each start is a fresh server, so what
 * it received is what reached it after it came back.
 */
public class MailServerOutage implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives this resource, to take the server down and up. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Controls {
    }

    private int port;
    private volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        port = freePort();
        up();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this,
                new TestInjector.AnnotatedAndMatchesType(Controls.class, MailServerOutage.class));
    }

    /** The server stops: the port refuses connections. */
    public synchronized void down() {
        server.stop();
    }

    /** A fresh server on the same port. */
    public synchronized void up() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public GreenMail server() {
        return server;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
