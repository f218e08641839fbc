package vn.dondoc.task.acknowledgements;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser on the link pages, without the browser: keeps the session cookie, sends the form fields the
 * page rendered, and comes from its own address (the test service trusts the loopback proxy's X-Forwarded-For),
 * so that the rate limit of one test does not touch another.
 */
final class LinkClient {

    static final String USER_AGENT = "Mozilla/5.0 (Linux; Android 14) DondocTest/1.0";
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;
    private final String address;

    LinkClient(int port, String address) {
        this.port = port;
        this.address = address;
    }

    record Page(int status, String body, java.net.http.HttpHeaders headers) {

        String csrf() {
            var matcher = HIDDEN_CSRF.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("No CSRF field on the page: " + body);
            }
            return matcher.group(1);
        }
    }

    Page get(String token) {
        return send(request(token).GET());
    }

    Page head(String token) {
        return send(request(token).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /** Posts the given fields exactly (no CSRF field unless given). */
    Page post(String token, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Opens the page and presses its acknowledgement button. */
    Page acknowledge(String token) {
        var page = get(token);
        return post(token, Map.of("_csrf", page.csrf(), "action", "ack"));
    }

    /** Opens the page and sends its report form. */
    Page report(String token, String note, String document) {
        var page = get(token);
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", page.csrf());
        fields.put("action", "report");
        fields.put("note", note);
        if (document != null) {
            fields.put("document", document);
        }
        return post(token, fields);
    }

    private HttpRequest.Builder request(String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ack/" + token))
                .header("X-Forwarded-For", address).header("User-Agent", USER_AGENT).header("Accept", "text/html");
    }

    private Page send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
