package vn.dondoc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import vn.dondoc.events.CloudEventHeaders;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskCancelled;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitChanged;
import vn.dondoc.events.UnitRegistered;
import vn.dondoc.testing.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dondoc.admin.password=" + Api.PASSWORD)
@RealInfrastructure
class TaskServiceTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @Test
    void publishesARegisteredUnitKeyedByItsCode() {
        var api = Api.asAdmin(port);
        String code = newUnitCode();

        var created = api.post("/api/units", """
                {"code":"%s","name":"Phòng Nghiệp vụ Y","emails":["nvy@syt.example.vn"],"phones":["0912 345 678"],
                 "supervisor":"BGD","aliases":["Nghiệp vụ Y"]}""".formatted(code));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/units/" + code);
        assertThat(created.json().get("phones").get(0).asString()).isEqualTo("+84912345678");
        assertThat(api.get("/api/units/" + code).json().get("name").asString()).isEqualTo("Phòng Nghiệp vụ Y");

        var changed = api.post("/api/units", """
                {"code":"%s","name":"Phòng Nghiệp vụ Y","emails":["nvy@syt.example.vn","yte@syt.example.vn"]}"""
                .formatted(code));
        assertThat(changed.status()).isEqualTo(200);

        try (var directory = new Topic(Topics.UNITS)) {
            await().atMost(PATIENCE).until(() -> directory.records(Topic.keyed(code)).size() == 2);
            var records = directory.records(Topic.keyed(code));
            var registered = records.getFirst();
            assertThat(registered.value().data()).isInstanceOfSatisfying(UnitRegistered.class, unit -> {
                assertThat(unit.supervisor()).isEqualTo("BGD");
                assertThat(unit.phones()).containsExactly("+84912345678");
            });
            assertThat(CloudEventHeaders.text(registered.headers(), CloudEventHeaders.TYPE)).isEqualTo("unit.registered");
            assertThat(CloudEventHeaders.text(registered.headers(), CloudEventHeaders.SOURCE)).isEqualTo("/dondoc/task-service");
            assertThat(CloudEventHeaders.text(registered.headers(), CloudEventHeaders.SUBJECT)).isEqualTo(code);
            assertThat(CloudEventHeaders.text(registered.headers(), CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(CloudEventHeaders.text(registered.headers(), CloudEventHeaders.ID)).isEqualTo(registered.value().id());
            assertThat(records.get(1).value().data()).isInstanceOfSatisfying(UnitChanged.class,
                    unit -> assertThat(unit.emails()).hasSize(2));
        }
    }

    @Test
    void assignsATaskAndPublishesItThroughTheOutbox() {
        var api = Api.asAdmin(port);
        String lead = registerUnit(api);
        String coordinating = registerUnit(api);

        var created = api.post("/api/tasks", """
                {"title":"Tham mưu ban hành Kế hoạch phòng chống dịch","leadUnits":["%s"],"coordinatingUnits":["%s"],
                 "expectedOutput":"Kế hoạch của UBND tỉnh","deadline":{"date":"2026-12-01"},
                 "policy":{"remindBefore":["PT30S","PT0S"],"repeatOverdueEvery":"PT1M","ackWithin":"PT1M",
                           "escalateAfter":"PT2M","workingHoursOnly":false},
                 "source":{"number":"123/TB-UBND","date":"2024-03-05","issuer":"UBND tỉnh","item":"9.1"}}"""
                .formatted(lead, coordinating));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(id).matches("T-[0-9A-Z]{18}");
        assertThat(created.header("Location")).endsWith("/api/tasks/" + id);

        JsonNode task = api.get("/api/tasks/" + id).json();
        assertThat(task.get("title").asString()).isEqualTo("Tham mưu ban hành Kế hoạch phòng chống dịch");
        assertThat(task.get("status").asString()).isIn("CHUA_HOAN_THANH_TRONG_HAN", "SAP_DEN_HAN", "QUA_HAN");
        assertThat(task.get("statusLabel").asString()).isNotBlank();
        assertThat(task.get("deadline").get("kind").asString()).isEqualTo("DATE");
        assertThat(task.get("deadline").get("date").asString()).isEqualTo("2026-12-01");
        assertThat(task.get("deadline").get("dueAt").asString()).isEqualTo("2026-12-01T17:00:00+07:00");
        assertThat(task.get("deadline").has("text")).isTrue();
        JsonNode firstUnit = task.get("units").get(0);
        assertThat(firstUnit.propertyNames()).containsExactlyInAnyOrder("code", "role", "state", "acknowledgedAt", "reportedAt");
        assertThat(firstUnit.get("code").asString()).isEqualTo(lead);
        assertThat(firstUnit.get("role").asString()).isEqualTo("LEAD");
        assertThat(firstUnit.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(task.get("units").get(1).get("role").asString()).isEqualTo("COORDINATING");
        assertThat(task.get("leadUnits").get(0).asString()).isEqualTo(lead);
        assertThat(task.get("coordinatingUnits").get(0).asString()).isEqualTo(coordinating);
        assertThat(task.get("expectedOutput").asString()).isEqualTo("Kế hoạch của UBND tỉnh");
        assertThat(task.get("policy").get("remindBefore").get(0).asString()).isEqualTo("PT30S");
        assertThat(task.get("source").get("date").asString()).isEqualTo("2024-03-05");
        assertThat(task.get("createdAt").isNull()).isFalse();

        try (var events = new Topic(Topics.TASKS)) {
            await().atMost(PATIENCE).until(() -> !events.records(Topic.keyed(id)).isEmpty());
            var record = events.records(Topic.keyed(id)).getFirst();
            assertThat(CloudEventHeaders.text(record.headers(), CloudEventHeaders.TYPE)).isEqualTo("task.assigned");
            assertThat(CloudEventHeaders.text(record.headers(), CloudEventHeaders.SUBJECT)).isEqualTo(id);
            assertThat(CloudEventHeaders.text(record.headers(), CloudEventHeaders.TRACEPARENT)).isNotBlank();
            assertThat(record.value().data()).isInstanceOfSatisfying(TaskAssigned.class, assigned -> {
                assertThat(assigned.leadUnits()).containsExactly(lead);
                assertThat(assigned.deadline().dueAt()).isEqualTo(java.time.Instant.parse("2026-12-01T10:00:00Z"));
                assertThat(assigned.policy().ackWithin()).isEqualTo(Duration.ofMinutes(1));
                assertThat(assigned.source().item()).isEqualTo("9.1");
            });
        }
        await().atMost(PATIENCE).until(() -> outboxOf("tasks", id).isEmpty());
    }

    @Test
    void cancelsATaskAndTellsTheOtherServices() {
        var api = Api.asAdmin(port);
        String id = api.post("/api/tasks", """
                {"title":"Báo cáo","leadUnits":["%s"],"deadline":{"dueAt":"2026-11-24T10:05:00+07:00"}}"""
                .formatted(registerUnit(api))).json().get("id").asString();

        var cancelled = api.post("/api/tasks/" + id + "/cancel", """
                {"reason":"Trùng nhiệm vụ khác"}""");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("DA_HUY");
        assertThat(api.post("/api/tasks/" + id + "/cancel", "{\"reason\":\"lại\"}").status()).isEqualTo(409);
        try (var events = new Topic(Topics.TASKS)) {
            await().atMost(PATIENCE).until(() -> events.records(Topic.keyed(id)).size() == 2);
            var records = events.records(Topic.keyed(id));
            assertThat(records).extracting(record -> record.value().data().getClass().getSimpleName())
                    .as("in the order they happened")
                    .containsExactly("TaskAssigned", "TaskCancelled");
            assertThat(((TaskCancelled) records.get(1).value().data()).reason()).isEqualTo("Trùng nhiệm vụ khác");
        }
    }

    @Test
    void refusesUnknownUnitsAndStoresNothing() {
        var api = Api.asAdmin(port);
        String known = registerUnit(api);
        long before = mongo.getCollection("tasks").countDocuments();

        var refused = api.post("/api/tasks", """
                {"title":"Nhiệm vụ","leadUnits":["%s","KHONGCO1"],"coordinatingUnits":["KHONGCO2"],
                 "deadline":{"date":"2026-12-01"}}""".formatted(known));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("KHONGCO1", "KHONGCO2");
        assertThat(refused.json().get("unknownUnits").values()).extracting(JsonNode::asString)
                .containsExactly("KHONGCO1", "KHONGCO2");
        assertThat(mongo.getCollection("tasks").countDocuments()).isEqualTo(before);
    }

    @Test
    void refusesAUnitDeactivatedAMomentAfterItWasAssigned() {
        var api = Api.asAdmin(port);
        String unit = registerUnit(api);
        String task = """
                {"title":"Nhiệm vụ","leadUnits":["%s"],"deadline":{"date":"2026-12-01"}}""".formatted(unit);
        assertThat(api.post("/api/tasks", task).status()).isEqualTo(201);

        assertThat(api.delete("/api/units/" + unit).status()).isEqualTo(200);
        var refused = api.post("/api/tasks", task);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("unknownUnits").values()).extracting(JsonNode::asString).containsExactly(unit);
    }

    @Test
    void answersInvalidInputWithProblemDetails() {
        var api = Api.asAdmin(port);
        String unit = registerUnit(api);

        var invalid = api.post("/api/tasks", """
                {"title":"","leadUnits":[],"deadline":{"date":"2026-12-01","dueAt":"2026-11-24T10:05:00+07:00"}}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").values()).extracting(error -> error.get("field").asString())
                .contains("title", "leadUnits", "deadline.oneForm");
        assertThat(invalid.json().get("errors").get(0).get("message").asString()).isNotBlank();

        var impossible = api.post("/api/tasks", """
                {"title":"Nhiệm vụ","leadUnits":["%s"],"deadline":{"text":"trước ngày 31/2/2026"}}""".formatted(unit));
        assertThat(impossible.status()).isEqualTo(422);
        assertThat(impossible.json().get("detail").asString()).contains("31/2/2026");

        var badUnit = api.post("/api/units", """
                {"code":"NV Y","name":"","emails":["không phải email"],"phones":[]}""");
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.json().get("errors").values()).extracting(error -> error.get("field").asString())
                .contains("code", "name", "emails[0]");

        var badPhone = api.post("/api/units", """
                {"code":"%s","name":"Phòng","phones":["12345"]}""".formatted(newUnitCode()));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("phones[0]");

        var missing = api.get("/api/tasks/T-KHONGCO");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void keepsTheApiForTheAdmin() {
        var anonymous = Api.anonymous(port);

        assertThat(anonymous.get("/api/tasks/T-X").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/units", "{}").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    private List<Document> outboxOf(String collection, String id) {
        Document document = mongo.getCollection(collection).find(new Document("_id", id)).first();
        return document == null ? List.of() : document.getList("outbox", Document.class);
    }

    static String registerUnit(Api api) {
        String code = newUnitCode();
        var response = api.post("/api/units", """
                {"code":"%s","name":"Đơn vị %s","emails":["%s@syt.example.vn"]}""".formatted(code, code, code.toLowerCase()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return code;
    }

    /** Topics are shared by every test of the JVM: each test uses codes of its own. */
    static String newUnitCode() {
        return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }
}
