package org.carethread.localinfra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka broker (KRaft) inside the test JVM, shared by every test of that JVM, plus the small
 * client helpers tests use to observe topics as a peer service would.
 */
public final class KafkaBroker implements AutoCloseable {
    private static KafkaBroker shared;

    private final KafkaClusterTestKit cluster;
    /** What a client needs besides the bootstrap servers: nothing, or its TLS settings. */
    private final Map<String, String> clientSecurity;

    private KafkaBroker(KafkaClusterTestKit cluster, Map<String, String> clientSecurity) {
        this.cluster = cluster;
        this.clientSecurity = clientSecurity;
    }

    /** The JVM's broker, started on first use (about 4 s) and stopped when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            keepTheJvmOnAFaultWhileStopping();
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-broker-stop"));
        }
        return shared;
    }

    /**
     * When the test JVM exits, the broker's stop races the test kit's own hook that deletes its log directories; the
     * broker then sees its logs vanish and calls Kafka's {@code Exit.halt(1)}, which turns a run whose tests all passed
     * into a failed fork ("Error occurred in starting fork"). In a test JVM Kafka may report, never end the process.
     */
    private static void keepTheJvmOnAFaultWhileStopping() {
        Exit.setHaltProcedure((status, message) -> System.err.println("Kafka test broker asked to halt (" + status
                + "): " + message + "; the test JVM carries on"));
        Exit.setExitProcedure((status, message) -> System.err.println("Kafka test broker asked to exit (" + status
                + "): " + message + "; the test JVM carries on"));
    }

    public static KafkaBroker start() {
        return start(new TestKitNodes.Builder(), Map.of(), Map.of());
    }

    /**
     * A broker whose clients must speak TLS and present a certificate signed by the material's CA, as in the
     * production profile. The caller stops it.
     */
    public static KafkaBroker startWithTls(TlsMaterial tls) {
        Map<String, String> client = Map.of(
                "security.protocol", "SSL",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", tls.caCertificate().toString(),
                "ssl.keystore.type", "PEM",
                "ssl.keystore.location", tls.keyAndCertificate().toString());
        Map<String, String> broker = new HashMap<>(client);
        broker.remove("security.protocol");
        broker.put("ssl.client.auth", "required");
        // The test kit only builds PLAINTEXT listeners; its client listener (EXTERNAL) is turned into a TLS one here
        broker.put("listener.security.protocol.map", "EXTERNAL:SSL,CONTROLLER:PLAINTEXT");
        return start(new TestKitNodes.Builder(), broker, client);
    }

    private static KafkaBroker start(TestKitNodes.Builder nodes, Map<String, String> brokerSecurity,
            Map<String, String> clientSecurity) {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(
                    nodes.setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
            brokerSecurity.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster, clientSecurity);
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka broker did not start", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Everything a client of this broker needs: the bootstrap servers and, for a TLS broker, its TLS settings. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>(clientSecurity);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** Every record on the topic from the beginning, read until nothing new arrives for {@code quiet}. */
    public List<ConsumerRecord<String, String>> readAll(String topic, Duration quiet) {
        Properties props = new Properties();
        props.putAll(clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            // The quiet period counts from when the group has handed this reader the topic's partitions: joining
            // can take seconds on a loaded machine, and nothing arrives before it.
            long joinDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < joinDeadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            long idleSince = System.nanoTime();
            while (System.nanoTime() - idleSince < quiet.toNanos()) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    idleSince = System.nanoTime();
                }
            }
        }
        return records;
    }

    /** Sends records as a peer service would and waits until the broker has them. */
    public void send(List<ProducerRecord<String, String>> records) {
        Map<String, Object> props = clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("sending test records failed", e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka broker did not stop cleanly", e);
        }
    }
}
