package vn.dondoc.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * One Apache Kafka node in this JVM, broker and KRaft controller combined, its log under {@code <data>/kafka}.
 * The storage is formatted on the first start and reused afterwards, so topics and offsets survive restarts.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker start(Path folder, int port, int controllerPort) {
        Path logs = folder.resolve("logs");
        Properties properties = properties(logs, port, controllerPort);
        Path file = folder.resolve("server.properties");
        try {
            Files.createDirectories(logs);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "Written by the local stack at every start (ports may change)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(logs.resolve("meta.properties"))) {
            format(file);
        }
        var server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        var broker = new KafkaBroker(server, "localhost:" + port);
        try {
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties properties(Path logs, int port, int controllerPort) {
        var properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                // A static voter set: the quorum follows the configured port even if it changes between runs.
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logs.toAbsolutePath().toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                // fewer internal partitions: a faster first start and fewer open files on a laptop
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "10"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        return properties;
    }

    private static void format(Path propertiesFile) {
        var output = new ByteArrayOutputStream();
        int status;
        try (var print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {
                    "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", propertiesFile.toString()},
                    print);
        } catch (RuntimeException e) {
            throw new StackFailed("Kafka: cannot format the storage in " + propertiesFile.getParent() + ": "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
        if (status != 0) {
            throw new StackFailed("Kafka: cannot format the storage in " + propertiesFile.getParent() + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** startup() returns before the broker answers clients; wait until it reports itself in the cluster. */
    private void awaitReady() {
        var config = Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackFailed("Kafka did not answer on " + bootstrapServers + " within " + READY_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailed("Interrupted while Kafka was starting", e);
        }
    }
}
