package org.carethread.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class LocalInfraTest {

    @Test
    void theBrokerKeepsWhatItAcknowledged() {
        KafkaBroker kafka = KafkaBroker.shared();
        String topic = "local-infra-check";
        kafka.send(List.of(new ProducerRecord<>(topic, "k", "one"), new ProducerRecord<>(topic, "k", "two")));
        var records = kafka.readAll(topic, Duration.ofSeconds(2));
        assertEquals(List.of("one", "two"), records.stream().map(r -> r.value()).toList());
    }

    @Test
    void eachFreshDatabaseIsEmptyAndUsable() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String name = postgres.createFreshDatabase("local_infra");
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(name), postgres.user(), postgres.password());
                var statement = connection.createStatement()) {
            var tables = statement.executeQuery("select count(*) from information_schema.tables where table_schema = 'public'");
            tables.next();
            assertEquals(0, tables.getInt(1));
        } finally {
            postgres.dropDatabase(name);
        }
    }

    @Test
    void theCarrierTokenCommitsToTheExactBody() throws Exception {
        String body = "{\"text\":\"hi\"}";
        String token = new VonageWebhookSigner("secret").bearerFor(body).substring("Bearer ".length());
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains(VonageWebhookSigner.sha256Hex(body)));
        assertTrue(!claims.contains(VonageWebhookSigner.sha256Hex(body + " ")));
    }
}
