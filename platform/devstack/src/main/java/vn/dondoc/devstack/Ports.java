package vn.dondoc.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every port the local stack listens on; the defaults are the external contract (DESIGN §4). */
public record Ports(int console, int task, int scheduler, int notifier, int kafka, int kafkaController, int mongo,
        int smtp, int imap, int sms) {

    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 9092, 9093, 27017, 1025, 1143, 8025);
    }

    /** Ports the operating system just reported free, for tests that must not collide with a running stack. */
    public static Ports free() {
        int[] ports = new int[10];
        var sockets = new ServerSocket[ports.length];
        try {
            // all open at once, so the ten are distinct
            for (int i = 0; i < ports.length; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
        return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8],
                ports[9]);
    }

    /** What needs each port, in the words the "port taken" message uses. */
    Map<Integer, String> needs() {
        var needs = new LinkedHashMap<Integer, String>();
        needs.put(kafka, "Kafka");
        needs.put(kafkaController, "Kafka controller");
        needs.put(mongo, "MongoDB (mongo-java-server)");
        needs.put(smtp, "SMTP (GreenMail)");
        needs.put(imap, "IMAP (GreenMail)");
        needs.put(sms, "SMS simulator");
        needs.put(console, "console-service");
        needs.put(task, "task-service");
        needs.put(scheduler, "scheduler-service");
        needs.put(notifier, "notifier-service");
        if (needs.size() != 10) {
            throw new IllegalArgumentException("Two parts of the local stack cannot share a port: " + this);
        }
        return needs;
    }

    /** Fails with {@link PortTaken} for the first port something else already listens on. */
    void requireFree() {
        needs().forEach((port, what) -> {
            if (!isFree(port)) {
                throw new PortTaken(port, what);
            }
        });
    }

    /** A copy with one port changed, by the name a command-line option uses ({@code --kafka-port 19092}). */
    Ports with(String name, int port) {
        return switch (name) {
            case "console" -> new Ports(port, task, scheduler, notifier, kafka, kafkaController, mongo, smtp, imap, sms);
            case "task" -> new Ports(console, port, scheduler, notifier, kafka, kafkaController, mongo, smtp, imap, sms);
            case "scheduler" -> new Ports(console, task, port, notifier, kafka, kafkaController, mongo, smtp, imap, sms);
            case "notifier" -> new Ports(console, task, scheduler, port, kafka, kafkaController, mongo, smtp, imap, sms);
            case "kafka" -> new Ports(console, task, scheduler, notifier, port, kafkaController, mongo, smtp, imap, sms);
            case "kafka-controller" -> new Ports(console, task, scheduler, notifier, kafka, port, mongo, smtp, imap, sms);
            case "mongo" -> new Ports(console, task, scheduler, notifier, kafka, kafkaController, port, smtp, imap, sms);
            case "smtp" -> new Ports(console, task, scheduler, notifier, kafka, kafkaController, mongo, port, imap, sms);
            case "imap" -> new Ports(console, task, scheduler, notifier, kafka, kafkaController, mongo, smtp, port, sms);
            case "sms" -> new Ports(console, task, scheduler, notifier, kafka, kafkaController, mongo, smtp, imap, port);
            default -> throw new IllegalArgumentException("Unknown port name: " + name);
        };
    }

    private static boolean isFree(int port) {
        // The wildcard address: a bind fails if anything listens on the port, on any interface.
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the port is released either way
            }
        }
    }
}
