package vn.dondoc.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * One service running as its own JVM: its output goes, line by line and prefixed with its name, to the stack's
 * output and to {@code <data>/logs/<name>.log}.
 */
final class ServiceProcess {

    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final int TAIL_LINES = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread pump;
    private volatile boolean stopping;

    private ServiceProcess(String name, int port, Process process, Path log, Writer logWriter, PrintStream echo) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.pump = Thread.ofPlatform().daemon().name(name + "-output")
                .start(() -> pump(logWriter, echo));
        process.onExit().thenAccept(exited -> {
            // 130/143: Ctrl-C in a terminal reaches the services' process group before our shutdown hook runs
            if (!stopping && exited.exitValue() != 130 && exited.exitValue() != 143) {
                echo.println("[devstack] " + name + " đã dừng bất thường (mã " + exited.exitValue()
                        + ") / exited unexpectedly with code " + exited.exitValue() + "; log: " + log);
            }
        });
    }

    /** Starts {@code java -jar <jar> <args>} with the given environment added to ours. */
    static ServiceProcess start(String name, int port, Path jar, List<String> jvmOptions, List<String> args,
            Map<String, String> environment, Path logFolder, PrintStream echo) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = logFolder.resolve(name + ".log");
        try {
            Files.createDirectories(logFolder);
            Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            logWriter.write("==== " + Instant.now() + " " + String.join(" ", command) + System.lineSeparator());
            logWriter.flush();
            return new ServiceProcess(name, port, builder.start(), log, logWriter, echo);
        } catch (IOException e) {
            throw new StackFailed(name + ": cannot start " + String.join(" ", command), e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Polls {@code /actuator/health} until it says UP; fails early if the process dies, or when time is up. */
    void awaitHealthy(Duration timeout, BooleanSupplier cancelled) {
        var health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        String lastAnswer = "none";
        while (Instant.now().isBefore(deadline)) {
            if (cancelled.getAsBoolean()) {
                throw new StackFailed("Stopped while " + name + " was starting");
            }
            if (!process.isAlive()) {
                drainOutput();
                throw new StackFailed(name + " đã dừng khi khởi động (mã " + process.exitValue() + ") / "
                        + name + " exited with code " + process.exitValue() + " while starting."
                        + tailForHumans());
            }
            try {
                HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && UP.matcher(response.body()).find()) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (ConnectException | HttpTimeoutException e) {
                // not listening yet
            } catch (IOException e) {
                // connection reset while the server starts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackFailed("Interrupted while waiting for " + name, e);
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackFailed("Interrupted while waiting for " + name, e);
            }
        }
        throw new StackFailed(name + " chưa sẵn sàng sau " + timeout.toSeconds() + " s / " + name
                + " is not healthy after " + timeout.toSeconds() + " s (http://localhost:" + port
                + "/actuator/health). Last answer: " + lastAnswer + "." + tailForHumans());
    }

    /** Asks the process to stop (SIGTERM: Spring Boot shuts down gracefully); see {@link #awaitStopped}. */
    void stop() {
        stopping = true;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** SIGKILL (kill -9) of the process and what it started, as a crash would; returns once it is gone. */
    void kill() {
        stopping = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new StackFailed(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailed("Interrupted while killing " + name, e);
        }
        drainOutput();
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}): ProcessHandle only knows TERM and KILL. */
    void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() != 0) {
                throw new StackFailed("kill -" + signal + " " + process.pid() + " (" + name + ") failed: " + output);
            }
        } catch (IOException e) {
            throw new StackFailed("Cannot run kill -" + signal + " for " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailed("Interrupted while signalling " + name, e);
        }
    }

    /** Waits until {@code deadline} for the process to end, then kills it. */
    void awaitStopped(Instant deadline) {
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            pump.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void pump(Writer logWriter, PrintStream echo) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                logWriter) {
            String line;
            while ((line = reader.readLine()) != null) {
                echo.println("[" + name + "] " + line);
                logWriter.write(line);
                logWriter.write(System.lineSeparator());
                logWriter.flush();
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed mid-line; nothing more to copy
        }
    }

    private void drainOutput() {
        try {
            pump.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tailForHumans() {
        synchronized (tail) {
            return " Last lines of " + log + ":" + System.lineSeparator() + "  | "
                    + String.join(System.lineSeparator() + "  | ", tail);
        }
    }
}
