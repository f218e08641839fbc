package vn.dondoc.bench.tasks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The load generator's HTTP/1.1 client: a fixed set of keep-alive connections, each used by one request at a time,
 * requests written as ready bytes and answers read by their length. The JDK's {@code HttpClient} costs the clients
 * ≈ 6 % of this JVM's CPU (selector threads, futures, header maps); the measured service shares the two cores with
 * its load generator, so the cheaper the generator, the more the figure is the service's. Like wrk2, a request
 * waiting for a free connection counts that wait in its latency (see the caller).
 */
final class KeepAliveClient implements AutoCloseable {

    private final BlockingQueue<Connection> idle;
    private final String head;
    private final int port;

    KeepAliveClient(int port, String authorization, int connections) throws IOException {
        this.port = port;
        idle = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            idle.add(new Connection(new Socket("localhost", port)));
        }
        head = "Host: localhost:" + port + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ";
    }

    /** POSTs the JSON on a free connection (waiting for one if all are busy); fails on anything but 2xx. */
    void post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST " + path + " HTTP/1.1\r\n" + head + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            if (connection.exchange(request, body)) {
                // Tomcat closes a connection after 100 requests (max-keep-alive-requests), as a browser would see
                connection.socket.close();
                connection = new Connection(new Socket("localhost", port));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            idle.add(connection);
        }
    }

    @Override
    public void close() throws IOException {
        for (var connection : idle) {
            connection.socket.close();
        }
    }

    private record Connection(Socket socket, OutputStream out, InputStream in) {

        Connection(Socket socket) throws IOException {
            this(socket, socket.getOutputStream(), new BufferedInputStream(socket.getInputStream(), 16 * 1024));
            socket.setTcpNoDelay(true);
        }

        /** Sends the request and reads the answer; true when the service closes the connection after it. */
        boolean exchange(byte[] request, byte[] body) throws IOException {
            out.write(request);
            out.write(body);
            out.flush();
            String status = line();
            if (status.length() < 12 || status.charAt(9) != '2') {
                throw new IllegalStateException("answered " + status);
            }
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(header.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("Connection")) {
                    closing = header.substring(colon + 1).trim().equalsIgnoreCase("close");
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = header.substring(colon + 1).trim().equalsIgnoreCase("chunked");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length >= 0) {
                in.skipNBytes(length);
            } else {
                throw new IllegalStateException("an answer without a length cannot be read on a kept connection");
            }
            return closing;
        }

        private String line() throws IOException {
            var text = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed by the service");
                }
                if (b != '\r') {
                    text.append((char) b);
                }
            }
            return text.toString();
        }
    }
}
