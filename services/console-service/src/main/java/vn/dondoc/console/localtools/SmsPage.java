package vn.dondoc.console.localtools;

import java.util.Comparator;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import vn.dondoc.console.eventlog.Wording;

/** {@code /sms}: what the SMS simulator received ({@code GET {url}/messages}), newest first. */
@Controller
@ConditionalOnBooleanProperty("dondoc.console.local-tools")
class SmsPage {

    private final RestClient simulator;
    private final SmsSimulatorProperties properties;

    SmsPage(SmsSimulatorProperties properties) {
        this.simulator = RestClient.builder().baseUrl(properties.url().toString()).build();
        this.properties = properties;
    }

    /** As the simulator lists it: {@code {"to","text","at"}}. */
    record Received(String to, String text, String at) {
    }

    record Sms(String to, String text, String at, String sortKey) {
    }

    @GetMapping("/sms")
    String sms(Model model) {
        model.addAttribute("simulator", properties.url());
        try {
            Received[] received = simulator.get().uri("/messages").retrieve().body(Received[].class);
            List<Sms> messages = (received == null ? List.<Received>of() : List.of(received)).stream()
                    .map(sms -> new Sms(sms.to(), sms.text(), Wording.time((Object) sms.at()), sms.at()))
                    .sorted(Comparator.comparing(Sms::sortKey, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            model.addAttribute("messages", messages);
        } catch (RestClientException e) {
            model.addAttribute("messages", List.of());
            model.addAttribute("problem", "Không đọc được trình giả lập SMS: " + e.getMessage());
        }
        return "sms";
    }
}
