package vn.dondoc.notifier.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP server that misbehaves on purpose, for what GreenMail will not do: it answers {@code 550} to RCPT for
 * addresses starting with {@code unknown}, and for addresses starting with {@code drop} it takes the whole
 * message the first time and then hangs up instead of answering {@code 250}.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    record Received(String recipient, String data) {
    }

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> recipientsTried = new CopyOnWriteArrayList<>();
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final List<String> dataReceived = new CopyOnWriteArrayList<>();
    private final Set<String> droppedOnce = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger connectionCount = new java.util.concurrent.atomic.AtomicInteger();

    ScriptedSmtpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every RCPT TO address, in order, accepted or not. */
    List<String> recipientsTried() {
        return List.copyOf(recipientsTried);
    }

    /** The recipient of every message whose data arrived whole (answered or not). */
    List<String> dataReceived() {
        return List.copyOf(dataReceived);
    }

    /** How many connections were opened so far. */
    int connections() {
        return connectionCount.get();
    }

    List<Received> accepted() {
        return List.copyOf(accepted);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                var client = socket.accept();
                connectionCount.incrementAndGet();
                connections.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            var out = client.getOutputStream();
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            for (String line; (line = in.readLine()) != null; ) {
                var command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-scripted\r\n250 8BITMIME");
                } else if (command.startsWith("HELO") || command.startsWith("NOOP") || command.startsWith("RSET")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("MAIL FROM")) {
                    recipient = null;
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    var address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    recipientsTried.add(address);
                    if (address.startsWith("unknown")) {
                        reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                    } else {
                        recipient = address;
                        reply(out, "250 OK");
                    }
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    for (String dataLine; (dataLine = in.readLine()) != null && !dataLine.equals("."); ) {
                        data.append(dataLine).append("\r\n");
                    }
                    dataReceived.add(recipient);
                    if (recipient != null && recipient.startsWith("drop") && droppedOnce.add(recipient)) {
                        return; // the message is here, the answer never leaves
                    }
                    accepted.add(new Received(recipient, data.toString()));
                    reply(out, "250 2.0.0 Ok: queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
