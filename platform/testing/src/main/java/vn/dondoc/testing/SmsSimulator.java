package vn.dondoc.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway that records messages instead of sending them. It speaks the two wire formats the notifier uses:
 * <ul>
 *   <li>the generic HTTP/JSON gateway: {@code POST /api/sms} with {@code to} (or {@code phone}, {@code msisdn}) and
 *       {@code text} (or {@code message}, {@code content}), as Vietnamese brandname gateways take them;</li>
 *   <li>Twilio's REST API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form fields {@code To}, {@code Body}.</li>
 * </ul>
 * {@code GET /messages} lists what arrived as {@code [{"to","text","at"}]}; {@code DELETE /messages} clears it.
 * {@code POST /control/outage?status=503&requests=N} makes the next N requests fail (N absent: until
 * {@code DELETE /control/outage}), so failover can be tried by hand and in tests.
 */
public final class SmsSimulator implements AutoCloseable {

    public record Message(String to, String text, Instant at) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Clock clock;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private volatile int outageStatus;
    private final AtomicInteger outageRequests = new AtomicInteger();

    private SmsSimulator(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
        server.createContext("/api/sms", this::generic);
        server.createContext("/2010-04-01/Accounts/", this::twilio);
        server.createContext("/messages", this::messages);
        server.createContext("/control/outage", this::outage);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Starts on {@code port} (0 for any free port) on the loopback interface. */
    public static SmsSimulator start(int port) {
        try {
            var simulator = new SmsSimulator(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64),
                    Clock.systemUTC());
            simulator.server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the SMS simulator on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public void clear() {
        messages.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void generic(HttpExchange exchange) throws IOException {
        if (!accepting(exchange, "POST")) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (RuntimeException e) {
            respond(exchange, 400, Map.of("error", "body is not JSON"));
            return;
        }
        String to = firstText(body, "to", "phone", "msisdn");
        String text = firstText(body, "text", "message", "content");
        if (to == null || text == null) {
            respond(exchange, 400, Map.of("error", "to and text are required"));
            return;
        }
        if (!to.matches("\\+?[0-9]{9,15}")) {
            respond(exchange, 422, Map.of("error", "invalid phone number", "to", to));
            return;
        }
        String id = record(to, text);
        respond(exchange, 200, Map.of("id", id, "status", "accepted"));
    }

    private void twilio(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().endsWith("/Messages.json")) {
            respond(exchange, 404, Map.of("message", "not found"));
            return;
        }
        if (!accepting(exchange, "POST")) {
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = form.get("To");
        String text = form.get("Body");
        if (to == null || text == null || !to.matches("\\+[0-9]{9,15}")) {
            respond(exchange, 400, Map.of("code", 21211, "message", "The 'To' number " + to + " is not a valid phone number."));
            return;
        }
        String sid = "SM" + record(to, text).replace("-", "");
        respond(exchange, 201, Map.of("sid", sid, "to", to, "body", text, "status", "queued"));
    }

    private void messages(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Message message : messages) {
                    list.add(Map.of("to", message.to(), "text", message.text(), "at", message.at().toString()));
                }
                respond(exchange, 200, list);
            }
            case "DELETE" -> {
                messages.clear();
                respond(exchange, 204, null);
            }
            default -> respond(exchange, 405, Map.of("error", "GET or DELETE"));
        }
    }

    private void outage(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        switch (exchange.getRequestMethod()) {
            case "POST" -> {
                outageRequests.set(Integer.parseInt(query.getOrDefault("requests", "-1")));
                outageStatus = Integer.parseInt(query.getOrDefault("status", "503"));
                respond(exchange, 204, null);
            }
            case "DELETE" -> {
                outageStatus = 0;
                respond(exchange, 204, null);
            }
            default -> respond(exchange, 405, Map.of("error", "POST or DELETE"));
        }
    }

    /** Answers the request itself (405, or the simulated outage) and returns false when it must not be served. */
    private boolean accepting(HttpExchange exchange, String method) throws IOException {
        if (!exchange.getRequestMethod().equals(method)) {
            respond(exchange, 405, Map.of("error", "use " + method));
            return false;
        }
        // outageRequests: failing requests left, -1 for "until lifted"
        if (outageStatus != 0 && outageRequests.getAndUpdate(left -> left > 0 ? left - 1 : left) != 0) {
            respond(exchange, outageStatus, Map.of("error", "simulated outage"));
            return false;
        }
        return true;
    }

    private String record(String to, String text) {
        messages.add(new Message(to, text, clock.instant()));
        return UUID.randomUUID().toString();
    }

    private static String firstText(JsonNode body, String... names) {
        for (String name : names) {
            JsonNode node = body.get(name);
            if (node != null && node.isString() && !node.asString().isBlank()) {
                return node.asString();
            }
        }
        return null;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Runs the simulator alone: {@code java vn.dondoc.testing.SmsSimulator [port]}. */
    public static void main(String[] args) throws InterruptedException {
        var simulator = start(args.length > 0 ? Integer.parseInt(args[0]) : 8025);
        System.out.println("SMS simulator on " + simulator.url() + "/messages");
        Thread.currentThread().join();
    }
}
