package vn.dondoc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.dondoc.events.DeadlineExtended;
import vn.dondoc.events.TaskReopened;
import vn.dondoc.events.TaskUpdated;
import vn.dondoc.events.Topics;
import vn.dondoc.testing.RealInfrastructure;

/** Changing, extending, reopening and finding tasks through the admin API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dondoc.admin.password=" + Api.PASSWORD)
@RealInfrastructure
class TaskApiTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;

    @Test
    void updatesExtendsCancelsAndReopensATaskAndTellsTheOtherServices() {
        var api = Api.asAdmin(port);
        String lead = TaskServiceTests.registerUnit(api);
        String other = TaskServiceTests.registerUnit(api);
        String id = assign(api, "Xây dựng kế hoạch", lead, "{\"text\":\"Quý IV/2026\"}");

        var updated = api.patch("/api/tasks/" + id, """
                {"title":"Xây dựng kế hoạch năm","coordinatingUnits":["%s"],"policy":{"ackWithin":"PT1M"}}""".formatted(other));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("title").asString()).isEqualTo("Xây dựng kế hoạch năm");
        assertThat(updated.json().get("coordinatingUnits").get(0).asString()).isEqualTo(other);
        assertThat(updated.json().get("deadline").get("kind").asString()).isEqualTo("QUARTER");
        assertThat(api.patch("/api/tasks/" + id, "{\"leadUnits\":[\"KHONGCO9\"]}").status()).isEqualTo(400);

        assertThat(api.post("/api/tasks/" + id + "/extend", "{\"date\":\"2027-01-15\"}").status())
                .as("a reason is required").isEqualTo(400);
        var extended = api.post("/api/tasks/" + id + "/extend", """
                {"date":"2027-01-15","reason":"Chờ hướng dẫn của Bộ Y tế"}""");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("deadline").get("dueAt").asString()).isEqualTo("2027-01-15T17:00:00+07:00");

        assertThat(api.post("/api/tasks/" + id + "/reopen", "{\"reason\":\"?\"}").status()).as("open").isEqualTo(409);
        api.post("/api/tasks/" + id + "/cancel", "{\"reason\":\"Trùng\"}");
        var reopened = api.post("/api/tasks/" + id + "/reopen", "{\"reason\":\"Không trùng\"}");
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isNotEqualTo("DA_HUY");

        try (var events = new Topic(Topics.TASKS)) {
            await().atMost(PATIENCE).until(() -> events.records(Topic.keyed(id)).size() == 5);
            var records = events.records(Topic.keyed(id));
            assertThat(records).extracting(record -> record.value().data().getClass().getSimpleName())
                    .containsExactly("TaskAssigned", "TaskUpdated", "DeadlineExtended", "TaskCancelled", "TaskReopened");
            assertThat(records.get(1).value().data()).isInstanceOfSatisfying(TaskUpdated.class,
                    update -> assertThat(update.policy().ackWithin()).isEqualTo(Duration.ofMinutes(1)));
            assertThat(records.get(2).value().data()).isInstanceOfSatisfying(DeadlineExtended.class, extension -> {
                assertThat(extension.previous().text()).isEqualTo("Quý IV/2026");
                assertThat(extension.reason()).isEqualTo("Chờ hướng dẫn của Bộ Y tế");
            });
            assertThat(records.get(4).value().data()).isInstanceOf(TaskReopened.class);
        }
    }

    @Test
    void acceptsDeadlinesInWordsAndSaysWhenTheyNeedReview() {
        var api = Api.asAdmin(port);
        String unit = TaskServiceTests.registerUnit(api);

        var month = api.get("/api/tasks/" + assign(api, "A", unit, "{\"text\":\"trong tháng 12/2026\"}")).json();
        assertThat(month.get("deadline").get("kind").asString()).isEqualTo("MONTH");
        assertThat(month.get("deadline").get("date").asString()).isEqualTo("2026-12-31");
        assertThat(month.get("deadline").get("dueAt").asString()).isEqualTo("2026-12-31T17:00:00+07:00");
        assertThat(month.get("deadline").get("needsReview").asBoolean()).isFalse();

        var trigger = api.get("/api/tasks/" + assign(api, "B", unit, "{\"text\":\"Theo hướng dẫn của Trung ương\"}")).json();
        assertThat(trigger.get("deadline").get("kind").asString()).isEqualTo("AWAITING_TRIGGER");
        assertThat(trigger.get("status").asString()).isEqualTo("KHONG_THOI_HAN");

        var unclear = api.get("/api/tasks/" + assign(api, "C", unit, "{\"text\":\"sớm nhất có thể\"}")).json();
        assertThat(unclear.get("deadline").get("needsReview").asBoolean()).isTrue();
        assertThat(unclear.get("deadline").get("notes").get(0).asString()).isNotBlank();

        var parsed = api.get("/api/deadlines/parse?text=" + encode("Năm 2026, Khi Trung ương ban hành Chiến lược"));
        assertThat(parsed.status()).isEqualTo(200);
        assertThat(parsed.json().propertyNames()).contains("kind", "dueDate", "text", "needsReview", "startDate",
                "condition", "notes");
        assertThat(parsed.json().get("kind").asString()).isEqualTo("YEAR");
        assertThat(parsed.json().get("dueDate").asString()).isEqualTo("2026-12-31");
        assertThat(parsed.json().get("condition").asString()).isEqualTo("Khi Trung ương ban hành Chiến lược");
        assertThat(Api.anonymous(port).get("/api/deadlines/parse?text=x").status()).isEqualTo(401);
    }

    @Test
    void findsTasksByUnitStatusDueRangeSourceAndTitleSortedByDueDate() {
        var api = Api.asAdmin(port);
        String unit = TaskServiceTests.registerUnit(api);
        String coordinating = TaskServiceTests.registerUnit(api);
        String overdue = assign(api, "Báo cáo quá hạn", unit, date(TODAY.minusDays(2)));
        String soon = assign(api, "Triển khai Đề án y tế thông minh", unit, date(TODAY.plusDays(1)));
        String later = assign(api, "Kế hoạch dài", unit, date(TODAY.plusDays(30)));
        String continuous = assign(api, "Theo dõi thường xuyên", unit, "{\"text\":\"Thường xuyên\"}");
        String cancelled = assign(api, "Đã hủy", unit, date(TODAY.plusDays(10)));
        api.post("/api/tasks/" + cancelled + "/cancel", "{\"reason\":\"Trùng\"}");
        String helping = api.post("/api/tasks", """
                {"title":"Phối hợp","leadUnits":["%s"],"coordinatingUnits":["%s"],"deadline":%s,
                 "source":{"number":"77/KH-SYT","date":"2025-01-02","issuer":"Sở Y tế","item":"3"}}"""
                .formatted(TaskServiceTests.registerUnit(api), unit, date(TODAY.plusDays(5)))).json().get("id").asString();

        assertThat(ids(api, "unit=" + unit.toLowerCase()))
                .containsExactly(overdue, soon, helping, cancelled, later, continuous);
        assertThat(ids(api, "unit=" + unit + "&role=LEAD")).doesNotContain(helping).hasSize(5);
        assertThat(ids(api, "unit=" + unit + "&role=COORDINATING")).containsExactly(helping);
        assertThat(ids(api, "unit=" + unit + "&status=QUA_HAN")).containsExactly(overdue);
        assertThat(ids(api, "unit=" + unit + "&status=SAP_DEN_HAN")).containsExactly(soon);
        assertThat(ids(api, "unit=" + unit + "&status=CHUA_HOAN_THANH_TRONG_HAN")).containsExactly(helping, later);
        assertThat(ids(api, "unit=" + unit + "&status=KHONG_THOI_HAN")).containsExactly(continuous);
        assertThat(ids(api, "unit=" + unit + "&status=DA_HUY")).containsExactly(cancelled);
        assertThat(ids(api, "unit=" + unit + "&dueFrom=" + TODAY + "&dueTo=" + TODAY.plusDays(10)))
                .containsExactly(soon, helping, cancelled);
        assertThat(ids(api, "unit=" + unit + "&q=" + encode("DE AN Y TE"))).containsExactly(soon);
        assertThat(ids(api, "source=" + encode("77/KH-SYT") + "&unit=" + coordinatingOrUnit(unit))).containsExactly(helping);

        JsonNode page = api.get("/api/tasks?unit=" + unit + "&page=1&size=2").json();
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(page.get("items").values()).extracting(item -> item.get("id").asString())
                .containsExactly(helping, cancelled);
        assertThat(coordinating).isNotBlank();
    }

    @Test
    void describesTheApiWithOpenApiAndSwaggerUiBehindTheLogin() {
        var api = Api.asAdmin(port);

        var docs = api.get("/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/tasks", "/api/tasks/{id}", "/api/tasks/{id}/extend", "/api/tasks/{id}/reopen",
                        "/api/units", "/api/units/starter", "/api/deadlines/parse", "/api/imports",
                        "/api/imports/{id}/confirm");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/v3/api-docs").status()).isEqualTo(401);
    }

    private static String coordinatingOrUnit(String unit) {
        return unit;
    }

    private static List<String> ids(Api api, String query) {
        var response = api.get("/api/tasks?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items").values().stream().map(item -> item.get("id").asString()).toList();
    }

    private static String assign(Api api, String title, String unit, String deadline) {
        var created = api.post("/api/tasks", """
                {"title":"%s","leadUnits":["%s"],"deadline":%s}""".formatted(title, unit, deadline));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String date(LocalDate day) {
        return "{\"date\":\"" + day + "\"}";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
