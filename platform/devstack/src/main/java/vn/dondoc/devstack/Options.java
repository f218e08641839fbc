package vn.dondoc.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How to run the local stack.
 *
 * @param data folder for everything that survives a restart (Kafka log, MongoDB file, scheduler state, logs, the
 *             Ed25519 key pair of the acknowledgement links)
 * @param servicesFolder folder with {@code <service>.jar} files; {@code null}: next to the local stack's own code
 * @param ports where everything listens
 * @param adminPassword the admin password of task-service and console-service
 * @param startupTimeout how long the services together may take to become healthy
 * @param services which services to launch (none: infrastructure only)
 * @param out where status lines and the services' output go
 * @param arguments more command-line arguments by service, after the stack's own (so they win), e.g. a second
 *                  SMS provider for the notifier
 */
public record Options(Path data, Path servicesFolder, Ports ports, String adminPassword, Duration startupTimeout,
        List<String> services, PrintStream out, Map<String, List<String>> arguments) {

    public static final List<String> ALL_SERVICES =
            List.of("task-service", "scheduler-service", "notifier-service", "console-service");

    public static Options defaults() {
        String password = System.getenv("DONDOC_ADMIN_PASSWORD");
        return new Options(Path.of(".devstack"), null, Ports.defaults(),
                password == null || password.isBlank() ? "admin" : password, Duration.ofSeconds(240), ALL_SERVICES,
                System.out, Map.of());
    }

    public Options withData(Path data) {
        return new Options(data, servicesFolder, ports, adminPassword, startupTimeout, services, out, arguments);
    }

    public Options withServicesFolder(Path folder) {
        return new Options(data, folder, ports, adminPassword, startupTimeout, services, out, arguments);
    }

    public Options withPorts(Ports ports) {
        return new Options(data, servicesFolder, ports, adminPassword, startupTimeout, services, out, arguments);
    }

    public Options withAdminPassword(String password) {
        return new Options(data, servicesFolder, ports, password, startupTimeout, services, out, arguments);
    }

    public Options withStartupTimeout(Duration timeout) {
        return new Options(data, servicesFolder, ports, adminPassword, timeout, services, out, arguments);
    }

    /** Infrastructure only: Kafka, MongoDB, GreenMail and the SMS simulator. */
    public Options withoutServices() {
        return new Options(data, servicesFolder, ports, adminPassword, startupTimeout, List.of(), out, arguments);
    }

    public Options withOut(PrintStream out) {
        return new Options(data, servicesFolder, ports, adminPassword, startupTimeout, services, out, arguments);
    }

    /** Adds command-line arguments ({@code --name=value}) to one service's. */
    public Options withArguments(String service, List<String> more) {
        var all = new LinkedHashMap<>(arguments);
        all.merge(service, List.copyOf(more),
                (before, added) -> Stream.concat(before.stream(), added.stream()).toList());
        return new Options(data, servicesFolder, ports, adminPassword, startupTimeout, services, out, Map.copyOf(all));
    }
}
