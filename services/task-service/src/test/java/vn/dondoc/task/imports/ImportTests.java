package vn.dondoc.task.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.Topics;
import vn.dondoc.task.Api;
import vn.dondoc.task.Topic;
import vn.dondoc.testing.RealInfrastructure;

/** Plan tables uploaded, reviewed and confirmed through the admin API, against the starter directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dondoc.admin.password=" + Api.PASSWORD)
@RealInfrastructure
class ImportTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void loadTheStarterDirectory() {
        api = Api.asAdmin(port);
        var loaded = api.post("/api/units/starter?exampleContacts=true", "");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
    }

    @Test
    void loadsTheStarterDirectoryOnceWithExampleContacts() {
        var again = api.post("/api/units/starter?exampleContacts=true", "").json();

        assertThat(again.get("registered").values()).isEmpty();
        assertThat(again.get("changed").values()).isEmpty();
        assertThat(again.get("unchanged").values()).extracting(JsonNode::asString)
                .contains("BGD", "NVY", "NVD", "KHTH", "KHTC", "TCCB", "TCKT", "QLHN", "BTXH", "DS&TE", "ATTP", "ATVSTP",
                        "CDC", "BVDK1", "BVDK2", "BVYHCT", "BVPHCN");
        JsonNode nvy = api.get("/api/units/NVY").json();
        assertThat(nvy.get("emails").get(0).asString()).isEqualTo("nvy@soyte.local");
        assertThat(nvy.get("phones").get(0).asString()).startsWith("+84");
        assertThat(nvy.get("supervisor").asString()).isEqualTo("BGD");
        assertThat(nvy.get("kind").asString()).isEqualTo("PHONG");
        JsonNode resolved = api.get("/api/units/resolve?phrase=" + java.net.URLEncoder.encode("P. NVY, Chi cục DS&TE",
                StandardCharsets.UTF_8)).json();
        assertThat(resolved.get("codes").values()).extracting(JsonNode::asString).containsExactly("NVY", "DS&TE");
    }

    @Test
    void draftsTheSamplePlanFromWordAndExcelAndAssignsItOnConfirmation() {
        for (var upload : List.of(api.upload("/api/imports?number=" + encode("38/KH-SYT") + "&date=2025-06-30",
                        "Kế hoạch 5 năm.docx", PlanTableFile.appendix02().docx()),
                api.upload("/api/imports", "phu-luc-02.xlsx", PlanTableFile.appendix02().xlsx()))) {
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
            JsonNode draft = upload.json();
            assertThat(upload.header("Location")).endsWith("/api/imports/" + draft.get("id").asString());
            JsonNode rows = draft.get("rows");
            assertThat(rows.size()).isEqualTo(41);
            assertThat(rows.values()).allSatisfy(row -> {
                assertThat(row.get("leadUnits").size()).as(row.toString()).isPositive();
                assertThat(row.get("blocking").asBoolean()).as(row.toString()).isFalse();
            });
            assertThat(codes(row(rows, "10").get("leadUnits"))).containsExactly("KHTH", "DS&TE");
            assertThat(codes(row(rows, "22").get("coordinatingUnits"))).startsWith("BVYHCT", "BVPHCN").contains("NVY");
            assertThat(codes(row(rows, "1").get("leadUnits"))).contains("CDC", "BVDK1", "KHTH").doesNotContain("NVY", "BGD");
            assertThat(codes(row(rows, "1").get("coordinatingUnits"))).contains("NVY", "VP").doesNotContain("CDC", "BGD");
            JsonNode time = row(rows, "38").get("deadline");
            assertThat(time.get("kind").asString()).isEqualTo("YEAR");
            assertThat(time.get("dueDate").asString()).isEqualTo("2026-12-31");
            assertThat(time.get("condition").asString()).isEqualTo("Khi Trung ương ban hành Chiến lược");
            assertThat(row(rows, "1").get("group").asString()).startsWith("I. Đổi mới mạnh mẽ tư duy");
            assertThat(row(rows, "41").get("group").asString()).startsWith("VI.");
        }

        String id = api.upload("/api/imports?number=" + encode("38/KH-SYT"), "ke-hoach.docx",
                PlanTableFile.appendix02().docx()).json().get("id").asString();
        var confirmed = api.post("/api/imports/" + id + "/confirm", "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("tasks").size()).isEqualTo(41);
        assertThat(api.post("/api/imports/" + id + "/confirm", "").status()).isEqualTo(409);
        String task10 = confirmed.json().get("tasks").get("10").asString();
        JsonNode task = api.get("/api/tasks/" + task10).json();
        assertThat(task.get("source").get("number").asString()).isEqualTo("38/KH-SYT");
        assertThat(task.get("source").get("item").asString()).isEqualTo("10");
        assertThat(task.get("source").get("group").asString()).isNotBlank();

        try (var events = new Topic(Topics.TASKS)) {
            await().atMost(PATIENCE).until(() -> assignedBy(events, id).size() == 41);
            assertThat(assignedBy(events, id)).allSatisfy(record ->
                    assertThat(record.value().data()).isInstanceOf(TaskAssigned.class));
        }
    }

    @Test
    void refusesToConfirmRowsWithProblemsUntilTheyAreFixed() {
        byte[] tsv = """
                TT\tTên nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tKết quả đầu ra\tThời gian thực hiện
                1\tRà soát quy hoạch\tPhòng KHTH\tSở Tài chính\tBáo cáo\ttrước ngày 30/6/2026
                2\tTheo dõi\tPhòng NVY\t\t\tsớm nhất có thể
                """.getBytes(StandardCharsets.UTF_8);
        JsonNode draft = api.upload("/api/imports", "../../etc/bang.tsv", tsv).json();
        String id = draft.get("id").asString();
        assertThat(draft.get("filename").asString()).isEqualTo("bang.tsv");
        assertThat(row(draft.get("rows"), "1").get("blocking").asBoolean()).isTrue();
        assertThat(row(draft.get("rows"), "1").get("warnings").get(0).asString()).contains("Sở Tài chính");
        assertThat(row(draft.get("rows"), "2").get("blocking").asBoolean()).isFalse();
        assertThat(row(draft.get("rows"), "2").get("deadline").get("needsReview").asBoolean()).isTrue();

        var refused = api.post("/api/imports/" + id + "/confirm", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rows").get(0).get("ref").asString()).isEqualTo("1");

        var fixed = api.put("/api/imports/" + id + "/rows/1", """
                {"coordinatingUnits":["TCKT"],"deadline":{"date":"2026-07-15"}}""");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().get("blocking").asBoolean()).isFalse();
        assertThat(fixed.json().get("deadline").get("dueDate").asString()).isEqualTo("2026-07-15");
        var confirmed = api.post("/api/imports/" + id + "/confirm", "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode task = api.get("/api/tasks/" + confirmed.json().get("tasks").get("1").asString()).json();
        assertThat(task.get("deadline").get("dueAt").asString()).isEqualTo("2026-07-15T17:00:00+07:00");
        assertThat(codes(task.get("coordinatingUnits"))).containsExactly("TCKT");
        assertThat(api.put("/api/imports/" + id + "/rows/1", "{\"title\":\"x\"}").status()).isEqualTo(409);
    }

    @Test
    void answersAnUnreadableFileWithAProblemInVietnamese() {
        var refused = api.upload("/api/imports", "bang.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains(".docx");
        assertThat(api.get("/api/imports/KHONGCO").status()).isEqualTo(404);
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, vn.dondoc.events.Envelope<?>>> assignedBy(
            Topic events, String importId) {
        return events.records(record -> record.key().startsWith("I-" + importId + "-"));
    }

    private static JsonNode row(JsonNode rows, String ref) {
        return rows.values().stream().filter(row -> row.get("ref").asString().equals(ref)).findFirst().orElseThrow();
    }

    private static List<String> codes(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
