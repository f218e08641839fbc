package vn.dondoc.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.dondoc.events.Topics;

/**
 * docker-compose.yml cannot run on the development machines, so it is kept honest here: ports, connection settings
 * and topic names must agree with what the services are configured with.
 */
class DockerComposeConsistencyTests {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** Environment variables that connect a service to infrastructure; compose must set each one a service reads. */
    private static final Set<String> CONNECTIONS = Set.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SMTP_HOST",
            "SMTP_PORT", "DONDOC_ADMIN_PASSWORD", "SCHEDULER_STATE_DIR", "DONDOC_LINKS_PUBLIC_KEY_FILE",
            "DONDOC_LINKS_PRIVATE_KEY_FILE", "DONDOC_PUBLIC_BASE_URL");

    private final Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));

    @ParameterizedTest
    @ValueSource(strings = {"task-service", "scheduler-service", "notifier-service", "console-service"})
    void publishesEachServiceOnItsConfiguredPortAndChecksItsHealthThere(String service) {
        int port = serverPort(service);
        var definition = service(service);

        assertThat(list(definition.get("ports"))).containsExactly(port + ":" + port);
        assertThat(String.join(" ", list(map(definition.get("healthcheck")).get("test"))))
                .contains("http://localhost:" + port + "/actuator/health");
        assertThat(map(map(definition.get("build")).get("args"))).containsEntry("SERVICE", service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"task-service", "scheduler-service", "notifier-service", "console-service"})
    void givesEachServiceExactlyTheConnectionSettingsItReads(String service) {
        Set<String> read = placeholders(service);
        Set<String> given = map(service(service).get("environment")).keySet();

        assertThat(given).as("set in compose but not read by %s", service).isSubsetOf(read);
        assertThat(given).as("read by %s but not set in compose", service)
                .containsAll(read.stream().filter(CONNECTIONS::contains).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"task-service", "scheduler-service", "notifier-service", "console-service"})
    void pointsServicesAtComposeHostsTheyWaitFor(String service) {
        var definition = service(service);
        Map<String, Object> environment = map(definition.get("environment"));
        Set<String> dependencies = map(definition.get("depends_on")).keySet();

        assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(dependencies).contains("kafka-topics");
        if (environment.containsKey("MONGODB_URI")) {
            assertThat(environment.get("MONGODB_URI").toString()).startsWith("mongodb://mongo:27017/").contains("replicaSet=rs0");
            assertThat(dependencies).contains("mongo");
        }
        if (environment.containsKey("SMTP_HOST")) {
            assertThat(environment).containsEntry("SMTP_HOST", "mailpit").containsEntry("SMTP_PORT", "1025");
            assertThat(dependencies).contains("mailpit");
        }
        map(definition.get("depends_on")).values().forEach(condition ->
                assertThat(map(condition).get("condition").toString()).startsWith("service_"));
    }

    @Test
    void createsExactlyTheTopicsOfTheEventContract() {
        String script = String.join("\n", list(service("kafka-topics").get("command")));
        Matcher loop = Pattern.compile("for topic in ([^;]+);").matcher(script);
        assertThat(loop.find()).isTrue();
        Set<String> topics = new LinkedHashSet<>(List.of(loop.group(1).trim().split("\\s+")));
        Matcher compacted = Pattern.compile("--topic (\\S+)\\s+\\\\?\\s*--partitions \\d+ --config cleanup.policy=compact")
                .matcher(script);
        assertThat(compacted.find()).isTrue();
        topics.add(compacted.group(1));

        assertThat(topics).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(compacted.group(1)).isEqualTo(Topics.UNITS);
    }

    @Test
    void runsMongoDbAsAReplicaSet() {
        assertThat(list(service("mongo").get("command"))).contains("--replSet", "rs0");
        assertThat(service("kafka").get("image").toString()).startsWith("apache/kafka:");
        assertThat(service("mongo").get("image").toString()).startsWith("mongo:8");
    }

    private int serverPort(String service) {
        Map<String, Object> application = yaml(resources(service).resolve("application.yml"));
        return Integer.parseInt(map(application.get("server")).get("port").toString());
    }

    /** The environment variables a service's configuration reads, in any profile. */
    private static Set<String> placeholders(String service) {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(resources(service))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
                PLACEHOLDER.matcher(Files.readString(file)).results().forEach(r -> names.add(r.group(1)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static Path resources(String service) {
        return ROOT.resolve("services").resolve(service).resolve("src/main/resources");
    }

    private Map<String, Object> service(String name) {
        Map<String, Object> definition = map(map(compose.get("services")).get(name));
        assertThat(definition).as("compose service " + name).isNotNull();
        return definition;
    }

    private static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
