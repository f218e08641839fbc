package vn.dondoc.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import vn.dondoc.events.Stage;

class TemplateShapesTests {

    private static final List<String> OPTIONAL = List.of("recipient", "unit", "role", "title", "expectedOutput",
            "source", "leadUnits", "coordinatingUnits", "due", "remaining", "deadlineText", "ackLink", "reportLink");
    private static final List<String> VALUES = List.of("Phòng Nghiệp vụ Y", "Kế hoạch & Tài chính <KHTC>",
            "\"Quý IV/2026\" — 'trước' 31/12", "20/11/2025", "còn 3 ngày", "http://localhost:8081/ack/a.b-c_d?x=1&y=2",
            "Văn bản số 123/TB-UBND ngày 05/03/2024 của UBND tỉnh, mục 9.1", " ", "false", "Đơn vị A; Đơn vị B");

    @Test
    void rendersEveryMailTemplateAsThymeleafDoesWithTheValuesFilledIn() {
        var engine = ReminderEmails.mailTemplates();
        var shapes = new TemplateShapes(engine, ReminderEmails.VIETNAMESE, Set.of("stage"));
        var random = new Random(5);
        int compared = 0;
        for (int round = 0; round < 40; round++) {
            for (var stage : Stage.values()) {
                var variables = variables(stage, random);
                for (var template : List.of("assignment", "deadline", "generic")) {
                    for (var suffix : List.of(".txt", ".html")) {
                        var expected = engine.process(template + suffix,
                                new Context(ReminderEmails.VIETNAMESE, variables));
                        assertThat(shapes.render(template + suffix, variables))
                                .as("%s%s with %s", template, suffix, variables).isEqualTo(expected);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(40 * Stage.values().length * 6);
        assertThat(shapes.shapesFilledIn()).as("shapes filled in, not rendered per message").isGreaterThan(100);
    }

    @Test
    void rendersATemplateThatChangesAValueDirectly() {
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        var shapes = new TemplateShapes(engine, ReminderEmails.VIETNAMESE, Set.of());
        var template = "<p th:text=\"${#strings.toUpperCase(title)}\">x</p><p th:text=\"${title}\">y</p>";

        assertThat(shapes.render(template, Map.of("title", "Kế hoạch & y tế"))).isEqualTo(
                "<p>KẾ HOẠCH &amp; Y TẾ</p><p>Kế hoạch &amp; y tế</p>");
        assertThat(shapes.shapesFilledIn()).isZero();
        assertThat(shapes.render(template, Map.of("title", "Báo cáo"))).isEqualTo("<p>BÁO CÁO</p><p>Báo cáo</p>");
    }

    private static Map<String, Object> variables(Stage stage, Random random) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("stage", stage.name());
        for (var name : OPTIONAL) {
            variables.put(name, random.nextInt(4) == 0 ? null : VALUES.get(random.nextInt(VALUES.size())));
        }
        return variables;
    }
}
