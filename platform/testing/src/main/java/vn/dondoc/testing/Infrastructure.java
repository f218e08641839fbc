package vn.dondoc.testing;

import java.util.Map;

/**
 * The real servers a test talks to, started once per test JVM and shared by every test class in it.
 * {@code -Dinfra=containers} swaps the embedded servers for Testcontainers (skipped where Docker is absent).
 */
public interface Infrastructure {

    String kafkaBootstrapServers();

    /** A MongoDB connection string without a database: each test context picks its own database. */
    String mongoUri();

    String smtpHost();

    int smtpPort();

    /** Where mail that the services sent can be read back. */
    Mailbox mailbox();

    /**
     * The IMAP port of the captured mailbox (GreenMail: each recipient's account, login and password the address),
     * for pages that read it the way the local stack does. Not every infrastructure has one.
     */
    default int imapPort() {
        throw new UnsupportedOperationException("This infrastructure has no IMAP server");
    }

    SmsSimulator sms();

    void stop();

    /** The properties that point a Spring Boot service at this infrastructure. */
    default Map<String, String> springProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers(),
                "spring.mongodb.uri", mongoUri(),
                "spring.mail.host", smtpHost(),
                "spring.mail.port", String.valueOf(smtpPort()),
                "dondoc.sms.simulator.url", sms().url());
    }

    static boolean containersRequested() {
        return "containers".equalsIgnoreCase(System.getProperty("infra", "embedded"));
    }

    /** Starts the infrastructure on first use; it stops when the JVM exits. */
    static Infrastructure shared() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private static final Infrastructure INSTANCE = start();

        private static Infrastructure start() {
            Infrastructure infrastructure = containersRequested() ? new ContainerInfrastructure() : new EmbeddedInfrastructure();
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "infrastructure-stop"));
            return infrastructure;
        }

        private Holder() {
        }
    }
}
