package vn.dondoc.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the stack's tests do as an admin and as a unit's mail client: the admin API, the event log, a mailbox. */
final class StackClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private final Ports ports;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StackClient(Ports ports, String adminPassword) {
        this.ports = ports;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The console's event log of one task, oldest first. */
    List<JsonNode> events(String taskId) throws Exception {
        var response = get("http://localhost:" + ports.console() + "/api/events?taskId=" + taskId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var events = new ArrayList<JsonNode>();
        JSON.readTree(response.body()).forEach(events::add);
        return events;
    }

    /** The stack's own lines; the services' output stays in their log files, so the build output stays readable. */
    static PrintStream statusLinesOnly() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                if (Options.ALL_SERVICES.stream().noneMatch(service -> line.startsWith("[" + service + "] "))) {
                    super.println(line);
                }
            }
        };
    }

    record Email(String subject, Instant at, String reminderId, List<String> links) {
    }

    /**
     * A mailbox as a mail client sees it (GreenMail IMAP; login and password are the address), with the links of
     * each message.
     */
    List<Email> inbox(String address) throws Exception {
        var store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("localhost", ports.imap(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            var emails = new ArrayList<Email>();
            for (Message message : inbox.getMessages()) {
                String[] reminderId = message.getHeader("X-Dondoc-Reminder-Id");
                Set<String> links = new LinkedHashSet<>();
                collectLinks(message, links);
                emails.add(new Email(message.getSubject(), message.getReceivedDate().toInstant(),
                        reminderId == null ? null : reminderId[0], List.copyOf(links)));
            }
            inbox.close(false);
            return emails;
        } finally {
            store.close();
        }
    }

    /** HTML first, so that the links come in the order of its buttons (acknowledge, then report). */
    private static void collectLinks(Part part, Set<String> links) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            List<BodyPart> parts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                parts.add(multipart.getBodyPart(i));
            }
            for (BodyPart each : parts) {
                if (each.isMimeType("text/html") || each.isMimeType("multipart/*")) {
                    collectLinks(each, links);
                }
            }
            for (BodyPart each : parts) {
                if (!each.isMimeType("text/html") && !each.isMimeType("multipart/*")) {
                    collectLinks(each, links);
                }
            }
        } else if (part.isMimeType("text/*")) {
            var matcher = LINK.matcher(part.getContent().toString().replace("&amp;", "&"));
            while (matcher.find()) {
                links.add(matcher.group());
            }
        }
    }
}
