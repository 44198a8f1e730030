package org.carethread.localinfra;

import java.util.HashMap;
import java.util.Map;

import org.carethread.schemas.crypto.PhiKeyring;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} the real infrastructure: the JVM's Kafka broker, a fresh PostgreSQL database of its
 * own, PHI keys, and the staff-token verification key. Use with
 * {@code @QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))}.
 * With {@code @ResourceArg(name = "tls", value = "true")} the service gets a broker and a PostgreSQL server of its own
 * that speak TLS only, and the certificate files the production {@code tls} profile reads.
 */
public class CareThreadTestResource implements QuarkusTestResourceLifecycleManager {
    /** Test PHI keys: fixed per JVM so tests can open what a service sealed. */
    public static final String PHI_KEY = PhiKeyring.newKeyBase64();
    /** A key from before the last rotation: still in every service's keyring, never active. */
    public static final String RETIRED_PHI_KEY = PhiKeyring.newKeyBase64();
    public static final String BLIND_INDEX_KEY = PhiKeyring.newKeyBase64();

    private String service = "service";
    private TlsMaterial tls;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        if (Boolean.parseBoolean(initArgs.get("tls"))) {
            tls = TlsMaterial.create();
        }
    }

    @Override
    public Map<String, String> start() {
        kafka = tls == null ? KafkaBroker.shared() : KafkaBroker.startWithTls(tls);
        postgres = tls == null ? PostgresServer.shared() : PostgresServer.embeddedWithTls(tls);
        database = postgres.createFreshDatabase("test_" + service);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("carethread.phi-keys", "test0=" + RETIRED_PHI_KEY + ",test1=" + PHI_KEY);
        config.put("carethread.phi-active-key", "test1");
        config.put("carethread.blind-index-key", BLIND_INDEX_KEY);
        config.put("mp.jwt.verify.publickey.location", StaffTokens.publicKeyPem().toUri().toString());
        config.put("mp.jwt.verify.issuer", StaffTokens.ISSUER);
        if (tls != null) {
            config.put("CARETHREAD_TLS_CERT", tls.certificate().toString());
            config.put("CARETHREAD_TLS_KEY", tls.privateKey().toString());
            config.put("CARETHREAD_TLS_CA", tls.caCertificate().toString());
            config.put("CARETHREAD_KAFKA_CLIENT_PEM", tls.keyAndCertificate().toString());
        }
        return config;
    }

    @Override
    public void stop() {
        // The broker and the server are shared by the JVM's tests and stop with it; the database is this test's
        // alone, and a machine's PostgreSQL must not fill up with them run after run.
        if (database != null) {
            postgres.dropDatabase(database);
        }
        if (tls != null) {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
