package vn.dondoc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class SmsSimulatorTests {

    private final SmsSimulator simulator = SmsSimulator.start(0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void acceptsTheGenericGatewayFormatAndListsMessages() throws Exception {
        var response = post("/api/sms", "application/json", "{\"to\":\"+84912345678\",\"text\":\"Nhac han: bao cao\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.messages()).singleElement()
                .satisfies(m -> assertThat(m.to()).isEqualTo("+84912345678"))
                .satisfies(m -> assertThat(m.text()).isEqualTo("Nhac han: bao cao"));
        var list = http.send(HttpRequest.newBuilder(URI.create(simulator.url() + "/messages")).build(), BodyHandlers.ofString());
        assertThat(list.body()).contains("\"to\":\"+84912345678\"", "\"text\":\"Nhac han: bao cao\"", "\"at\":");
    }

    @Test
    void acceptsTwilioStyleRequests() throws Exception {
        var response = post("/2010-04-01/Accounts/AC123/Messages.json", "application/x-www-form-urlencoded",
                "To=%2B84912345678&From=DONDOC&Body=Xac+nhan+nhiem+vu");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"sid\":\"SM");
        assertThat(simulator.messages()).extracting(SmsSimulator.Message::text).containsExactly("Xac nhan nhiem vu");
    }

    @Test
    void rejectsInvalidNumbersAsClientErrors() throws Exception {
        assertThat(post("/api/sms", "application/json", "{\"to\":\"abc\",\"text\":\"x\"}").statusCode()).isEqualTo(422);
        assertThat(post("/api/sms", "application/json", "not json").statusCode()).isEqualTo(400);
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void simulatesAnOutageForTheNextRequests() throws Exception {
        post("/control/outage?status=503&requests=2", "text/plain", "");

        assertThat(post("/api/sms", "application/json", "{\"to\":\"0912345678\",\"text\":\"1\"}").statusCode()).isEqualTo(503);
        assertThat(post("/api/sms", "application/json", "{\"to\":\"0912345678\",\"text\":\"2\"}").statusCode()).isEqualTo(503);
        assertThat(post("/api/sms", "application/json", "{\"to\":\"0912345678\",\"text\":\"3\"}").statusCode()).isEqualTo(200);
        assertThat(simulator.messages()).extracting(SmsSimulator.Message::text).containsExactly("3");
    }

    @Test
    void showsItsMessagesToARealBrowser() throws Exception {
        post("/api/sms", "application/json", "{\"to\":\"+84912345678\",\"text\":\"Han hom nay\"}");
        var browser = Browser.chromium();
        try {
            browser.get(simulator.url() + "/messages");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Han hom nay");
        } finally {
            browser.quit();
        }
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.url() + path)).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }
}
