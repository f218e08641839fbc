package vn.dondoc.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 */
public record Options(Path data, Path servicesFolder, Ports ports, String adminPassword, Duration startupTimeout,
        List<String> services, PrintStream out) {

    public static final List<String> ALL_SERVICES =
            List.of("task-service", "scheduler-service", "notifier-service", "console-service");

    public static Options defaults() {
        String password = System.getenv("DONDOC_ADMIN_PASSWORD");
        return new Options(Path.of(".devstack"), null, Ports.defaults(),
                password == null || password.isBlank() ? "admin" : password, Duration.ofSeconds(240), ALL_SERVICES,
                System.out);
    }

    public Options withData(Path data) {
        return new Options(data, servicesFolder, ports, adminPassword, startupTimeout, services, out);
    }

    public Options withServicesFolder(Path folder) {
        return new Options(data, folder, ports, adminPassword, startupTimeout, services, out);
    }

    public Options withPorts(Ports ports) {
        return new Options(data, servicesFolder, ports, adminPassword, startupTimeout, services, out);
    }

    public Options withAdminPassword(String password) {
        return new Options(data, servicesFolder, ports, password, startupTimeout, services, out);
    }

    public Options withStartupTimeout(Duration timeout) {
        return new Options(data, servicesFolder, ports, adminPassword, timeout, services, out);
    }

    /** Infrastructure only: Kafka, MongoDB, GreenMail and the SMS simulator. */
    public Options withoutServices() {
        return new Options(data, servicesFolder, ports, adminPassword, startupTimeout, List.of(), out);
    }

    public Options withOut(PrintStream out) {
        return new Options(data, servicesFolder, ports, adminPassword, startupTimeout, services, out);
    }
}
