package vn.dondoc.devstack;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import vn.dondoc.testing.SmsSimulator;

/**
 * The whole system on one machine: a Kafka broker (KRaft), a MongoDB-wire server on an H2 file, GreenMail
 * (SMTP + IMAP) and the SMS simulator in this JVM, then the four services as separate processes. Prints one line
 * starting with {@code READY} when every service is healthy; Ctrl-C stops everything.
 *
 * <pre>java -jar devstack-exec.jar [--data DIR] [--services DIR] [--timeout SECONDS] [--&lt;name&gt;-port N]</pre>
 */
public final class LocalStack implements AutoCloseable {

    /** Service JVMs start faster with C1 only; a developer's stack never runs long enough to miss C2. */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private final Options options;
    private final Path data;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<ServiceProcess> services = new ArrayList<>();
    // set while starting, read by the shutdown hook's thread
    private volatile KafkaBroker kafka;
    private volatile Mongo mongo;
    private volatile Mail mail;
    private volatile SmsSimulator sms;
    private volatile boolean closing;
    private volatile Duration readyAfter;
    private LinkKeys linkKeys;
    private Map<String, Path> jars;

    private LocalStack(Options options) {
        this.options = options;
        this.data = options.data().toAbsolutePath().normalize();
    }

    /** Starts everything and returns once every service is healthy; stops what it started if anything fails. */
    public static LocalStack start(Options options) {
        var stack = new LocalStack(options);
        try {
            stack.run();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(64);
            return;
        }
        var stack = new LocalStack(options);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("local-stack-shutdown").unstarted(stack::close));
        try {
            stack.run();
        } catch (PortTaken e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (StackFailed e) {
            if (!stack.closing) {
                System.err.println("[devstack] " + e.getMessage());
                System.exit(1);
            }
        } catch (RuntimeException e) {
            if (!stack.closing) {
                e.printStackTrace();
                System.exit(1);
            }
        }
        stack.awaitClosed();
    }

    public Ports ports() {
        return options.ports();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.uri();
    }

    public Path data() {
        return data;
    }

    /** From the call to start until every service answered UP. */
    public Duration readyAfter() {
        return readyAfter;
    }

    /** The service processes and everything they started, to check that nothing outlives the stack. */
    public List<ProcessHandle> processes() {
        synchronized (services) {
            return services.stream().map(ServiceProcess::handle)
                    .flatMap(handle -> Stream.concat(Stream.of(handle), handle.descendants())).toList();
        }
    }

    public String readyLine() {
        Ports ports = options.ports();
        var line = new StringBuilder("READY");
        if (!options.services().isEmpty()) {
            line.append(" console http://localhost:%d · tasks http://localhost:%d/api · scheduler http://localhost:%d/api/schedules · notifier http://localhost:%d ·"
                    .formatted(ports.console(), ports.task(), ports.scheduler(), ports.notifier()));
        } else {
            line.append(" (infrastructure only)");
        }
        line.append(" mailbox imap://localhost:%d (login = password = address) · SMS simulator http://localhost:%d/messages"
                .formatted(ports.imap(), ports.sms()));
        line.append(" · Kafka localhost:%d · MongoDB mongodb://localhost:%d · data %s".formatted(ports.kafka(),
                ports.mongo(), data));
        if (!options.services().isEmpty()) {
            line.append(" · admin password: %s".formatted(passwordHint()));
        }
        return line.append(" (ready in %.1f s)".formatted(readyAfter.toMillis() / 1000.0)).toString();
    }

    private void run() {
        Instant started = Instant.now();
        Ports ports = options.ports();
        ports.requireFree();
        jars = serviceJars();
        say("Dữ liệu / data: " + data);

        say("Kafka (KRaft) on localhost:" + ports.kafka() + " …");
        set(() -> kafka = KafkaBroker.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController()));
        say("MongoDB (mongo-java-server, H2 file) on localhost:" + ports.mongo() + " …");
        set(() -> mongo = Mongo.start(data.resolve("mongo"), ports.mongo()));
        say("GreenMail SMTP localhost:" + ports.smtp() + ", IMAP localhost:" + ports.imap() + " …");
        set(() -> mail = Mail.start(ports.smtp(), ports.imap()));
        say("SMS simulator on http://localhost:" + ports.sms() + "/messages …");
        set(() -> sms = SmsSimulator.start(ports.sms()));

        if (!options.services().isEmpty()) {
            linkKeys = LinkKeys.in(data.resolve("keys"));
            say("Link keys (Ed25519): " + linkKeys.publicKey().getParent());
        }
        for (String name : options.services()) {
            synchronized (services) {
                if (closing) {
                    throw new StackFailed("Stopped while starting " + name);
                }
                services.add(launch(name));
            }
        }
        Instant deadline = Instant.now().plus(options.startupTimeout());
        List<ServiceProcess> launched;
        synchronized (services) {
            launched = List.copyOf(services);
        }
        for (ServiceProcess service : launched) {
            Duration left = Duration.between(Instant.now(), deadline);
            service.awaitHealthy(left.isNegative() ? Duration.ZERO : left, () -> closing);
            say(service.name() + " UP");
        }
        readyAfter = Duration.between(started, Instant.now());
        options.out().println(readyLine());
    }

    private ServiceProcess launch(String name) {
        return ServiceProcess.start(name, portOf(name), jars.get(name), SERVICE_JVM_OPTIONS, arguments(name),
                environment(name), data.resolve("logs"), options.out());
    }

    // Faults, for the reliability suite (docs/reliability.md). Each part comes back where it was: same port, same data.

    /** kill -9 of one service (and what it started); returns once the process is gone. */
    public void kill(String service) {
        service(service).kill();
    }

    /** Starts a killed service again, with the same arguments, ports and data; returns once it is healthy. */
    public void restart(String service) {
        ServiceProcess restarted;
        synchronized (services) {
            ServiceProcess old = service(service);
            if (old.handle().isAlive()) {
                throw new IllegalStateException(service + " is still running (pid " + old.handle().pid() + ")");
            }
            restarted = launch(service);
            services.set(services.indexOf(old), restarted);
        }
        restarted.awaitHealthy(options.startupTimeout(), () -> closing);
    }

    /** SIGSTOP: the process stays, frozen, with its connections open; {@link #resume} continues it. */
    public void pause(String service) {
        service(service).signal("STOP");
    }

    public void resume(String service) {
        service(service).signal("CONT");
    }

    /** Stops the broker (clients see it gone); {@link #startKafka} brings it back on the same port and log. */
    public void stopKafka() {
        kafka.close();
    }

    public void startKafka() {
        Ports ports = options.ports();
        kafka = KafkaBroker.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController());
    }

    /** SMTP goes away (port closed, open connections dropped); IMAP and the received mail stay. */
    public void stopSmtp() {
        mail.stopSmtp();
    }

    public void startSmtp() {
        mail.startSmtp();
    }

    /** Stops the MongoDB-wire server (clients lose their connections; the H2 file is written and closed). */
    public void stopMongo() {
        mongo.close();
    }

    public void startMongo() {
        mongo = Mongo.start(data.resolve("mongo"), options.ports().mongo());
    }

    private ServiceProcess service(String name) {
        synchronized (services) {
            return services.stream().filter(service -> service.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Not running in this stack: " + name));
        }
    }

    private void set(Runnable start) {
        if (closing) {
            throw new StackFailed("Stopped while starting");
        }
        start.run();
    }

    private List<String> arguments(String name) {
        var args = new ArrayList<>(List.of("--spring.profiles.active=local", "--server.port=" + portOf(name)));
        if (name.equals("scheduler-service")) {
            Path state = data.resolve("scheduler");
            args.add("--dondoc.scheduler.state-dir=" + state);
            args.add("--spring.kafka.streams.state-dir=" + state);
        }
        // the notifier signs acknowledgement links, the task service verifies them and serves their pages
        if (name.equals("notifier-service")) {
            args.add("--dondoc.links.private-key-file=" + linkKeys.privateKey());
            args.add("--dondoc.links.public-base-url=http://localhost:" + options.ports().task());
        }
        if (name.equals("task-service")) {
            args.add("--dondoc.links.public-key-file=" + linkKeys.publicKey());
        }
        args.addAll(options.arguments().getOrDefault(name, List.of()));
        return args;
    }

    private Map<String, String> environment(String name) {
        Ports ports = options.ports();
        var environment = new LinkedHashMap<String, String>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("MONGODB_URI", mongo.uri());
        environment.put("SMTP_HOST", "localhost");
        environment.put("SMTP_PORT", Integer.toString(ports.smtp()));
        environment.put("DONDOC_ADMIN_PASSWORD", options.adminPassword());
        // the notifier sends to it, the console shows what it received; its default is port 8025
        environment.put("SMS_SIMULATOR_URL", "http://127.0.0.1:" + ports.sms());
        if (name.equals("scheduler-service")) {
            environment.put("SCHEDULER_STATE_DIR", data.resolve("scheduler").toString());
        }
        return environment;
    }

    private int portOf(String service) {
        Ports ports = options.ports();
        return switch (service) {
            case "task-service" -> ports.task();
            case "scheduler-service" -> ports.scheduler();
            case "notifier-service" -> ports.notifier();
            case "console-service" -> ports.console();
            default -> throw new IllegalArgumentException("Unknown service: " + service);
        };
    }

    /** Checked before anything starts, so a missing build fails in a second rather than after Kafka is up. */
    private Map<String, Path> serviceJars() {
        var jars = new LinkedHashMap<String, Path>();
        for (String name : options.services()) {
            List<Path> candidates = jarCandidates(name);
            Path jar = candidates.stream().filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new StackFailed("Không tìm thấy " + name + " — hãy build trước (./mvnw package)"
                            + " / " + name + " not found; build first (./mvnw -DskipTests package). Looked for: "
                            + candidates));
            jars.put(name, jar);
        }
        return jars;
    }

    private List<Path> jarCandidates(String name) {
        if (options.servicesFolder() != null) {
            Path folder = options.servicesFolder().toAbsolutePath();
            return List.of(folder.resolve(name + ".jar"), folder.resolve(name + "-exec.jar"));
        }
        var candidates = new ArrayList<Path>();
        Path target = codeHome();
        // maven-dependency-plugin copies the reactor's service jars here
        candidates.add(target.resolve("services").resolve(name + ".jar"));
        // a module-only build of devstack: the services' own build output
        findRepositoryRoot(target).ifPresent(root -> candidates.add(root.resolve("services").resolve(name)
                .resolve("target").resolve(name + "-0.1.0-SNAPSHOT-exec.jar")));
        return candidates;
    }

    /** The folder holding the local stack's jar ({@code java -jar}) or its {@code classes} folder: {@code target}. */
    private static Path codeHome() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            return Path.of(classPath).toAbsolutePath().getParent();
        }
        try {
            Path code = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    private static Optional<Path> findRepositoryRoot(Path from) {
        for (Path folder = from; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("mvnw")) && Files.isDirectory(folder.resolve("services"))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** Stops the services (each gets ~15 s to shut down gracefully), then SMS, GreenMail, MongoDB and Kafka. */
    @Override
    public void close() {
        synchronized (services) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            List<ServiceProcess> started;
            synchronized (services) {
                started = List.copyOf(services);
            }
            if (!started.isEmpty()) {
                say("Dừng / stopping " + started.stream().map(ServiceProcess::name).toList() + " …");
                started.forEach(ServiceProcess::stop);
                Instant deadline = Instant.now().plusSeconds(15);
                started.forEach(service -> service.awaitStopped(deadline));
            }
            quietly("SMS simulator", () -> sms.close(), sms);
            quietly("GreenMail", () -> mail.close(), mail);
            quietly("MongoDB", () -> mongo.close(), mongo);
            quietly("Kafka", () -> kafka.close(), kafka);
            if (kafka != null) {
                say("Đã dừng / stopped.");
            }
        } finally {
            closed.countDown();
        }
    }

    private void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void quietly(String what, Runnable stop, Object component) {
        if (component == null) {
            return;
        }
        try {
            stop.run();
        } catch (RuntimeException e) {
            say("Could not stop " + what + " cleanly: " + e);
        }
    }

    private void say(String line) {
        options.out().println("[devstack] " + line);
    }

    /** Shows the well-known default only; a password someone chose stays off the screen. */
    private String passwordHint() {
        return options.adminPassword().equals("admin") ? "admin" : "DONDOC_ADMIN_PASSWORD";
    }

    private static final String USAGE = """
            Usage: ./local-stack [--no-build] [--data DIR] [--services DIR] [--timeout SECONDS] [--<name>-port N]
              --data DIR        where data lives across restarts (default .devstack at the repository root)
              --services DIR    folder with task-service.jar, scheduler-service.jar, … (default: the build output)
              --timeout SECONDS how long the services may take to become healthy (default 240)
              --<name>-port N   name: console, task, scheduler, notifier, kafka, kafka-controller, mongo, smtp, imap, sms
            Environment: DONDOC_ADMIN_PASSWORD (default admin)""";

    static Options parse(String[] args) {
        Options options = Options.defaults();
        Path defaultData = findRepositoryRoot(codeHome()).map(root -> root.resolve(".devstack"))
                .orElse(Path.of(".devstack"));
        // a newcomer's stack starts with the Sở Y tế directory of the samples, with example addresses (DESIGN §3)
        options = options.withData(defaultData).withArguments("task-service",
                List.of("--dondoc.units.starter-on-start=with-example-contacts"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value for " + arg);
                }
                value = args[++i];
            }
            try {
                if (arg.equals("--data")) {
                    options = options.withData(Path.of(value));
                } else if (arg.equals("--services")) {
                    options = options.withServicesFolder(Path.of(value));
                } else if (arg.equals("--timeout")) {
                    options = options.withStartupTimeout(Duration.ofSeconds(Long.parseLong(value)));
                } else if (arg.startsWith("--") && arg.endsWith("-port")) {
                    String name = arg.substring(2, arg.length() - "-port".length());
                    options = options.withPorts(options.ports().with(name, Integer.parseInt(value)));
                } else {
                    throw new IllegalArgumentException("Unknown option: " + arg);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a number for " + arg + ": " + value);
            }
        }
        return options;
    }
}
