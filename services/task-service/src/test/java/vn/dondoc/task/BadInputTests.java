package vn.dondoc.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.dondoc.testing.RealInfrastructure;

/**
 * Issue 8's catalogue of bad input on the admin API, over real HTTP against the whole service: each case gets a
 * problem detail that says what is wrong (no stack trace, no class names), and nothing is stored or published.
 * The cases and outcomes are listed in docs/reliability.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dondoc.admin.password=" + Api.PASSWORD)
@RealInfrastructure
class BadInputTests {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private Api api;
    private String unit;
    private long tasksBefore;
    private long unitsBefore;

    @BeforeEach
    void aUnitAndTheCountsBefore() {
        api = Api.asAdmin(port);
        unit = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        assertThat(api.post("/api/units", """
                {"code":"%s","name":"Phòng thử dữ liệu xấu"}""".formatted(unit)).status()).isEqualTo(201);
        tasksBefore = mongo.getCollection("tasks").countDocuments();
        unitsBefore = mongo.getCollection("units").countDocuments();
    }

    @Test
    void refusesMalformedAndEmptyJson() {
        assertRefused(api.post("/api/tasks", "{\"title\":\"Báo cáo\",\"leadUnits\":[\""), 400, "JSON sai cú pháp");
        assertRefused(api.post("/api/tasks", ""), 400, "JSON sai cú pháp");
        assertRefused(api.post("/api/units", "[1,2,3]"), 400, "sai kiểu");
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongType() {
        var notAList = api.post("/api/tasks", """
                {"title":"Báo cáo","leadUnits":"%s","deadline":{"date":"2026-12-31"}}""".formatted(unit));
        assertRefused(notAList, 400, "\"leadUnits\"");
        assertThat(notAList.json().get("field").asString()).isEqualTo("leadUnits");

        var vietnameseDate = api.post("/api/tasks", """
                {"title":"Báo cáo","leadUnits":["%s"],"deadline":{"date":"31/12/2026"}}""".formatted(unit));
        assertRefused(vietnameseDate, 400, "\"deadline.date\"");

        var badDuration = api.post("/api/tasks", """
                {"title":"Báo cáo","leadUnits":["%s"],"deadline":{"date":"2026-12-31"},
                 "policy":{"remindBefore":["3 ngày"]}}""".formatted(unit));
        assertRefused(badDuration, 400, "\"policy.remindBefore[0]\"");
    }

    @Test
    void refusesUnknownFieldsInsteadOfDroppingThem() {
        var misspelt = api.post("/api/tasks", """
                {"title":"Báo cáo","leadUnit":["%s"],"deadline":{"date":"2026-12-31"}}""".formatted(unit));

        assertRefused(misspelt, 400, "\"leadUnit\"");
        assertThat(misspelt.json().get("detailEn").asString()).isEqualTo("Unknown field \"leadUnit\"");
    }

    @Test
    void refusesHugeBodiesWhetherTheyAnnounceTheirLengthOrNot() {
        String huge = """
                {"title":"%s","leadUnits":["%s"],"deadline":{"date":"2026-12-31"}}""".formatted("a".repeat(1_000_000), unit);

        assertRefused(api.post("/api/tasks", huge), 413, "quá lớn");
        assertRefused(api.postChunked("/api/tasks", huge.getBytes(StandardCharsets.UTF_8)), 413, "quá lớn");
        assertRefused(api.post("/api/units", "[" + "{},".repeat(200_000) + "{}]"), 413, "quá lớn");
    }

    @Test
    void answersAnUnreadableContentTypeWithoutAServerError() {
        var response = api.send("/api/tasks", "application/json;;charset=\"", "{}");

        assertThat(response.status()).isEqualTo(415);
        assertNothingChanged();
    }

    @Test
    void refusesHugeArrays() {
        String thousandUnits = IntStream.range(0, 1_000).mapToObj(i -> "\"U" + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));

        var response = api.post("/api/tasks", """
                {"title":"Báo cáo","leadUnits":%s,"deadline":{"date":"2026-12-31"}}""".formatted(thousandUnits));

        assertRefused(response, 400, "Dữ liệu gửi lên không hợp lệ");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("leadUnits");
    }

    @Test
    void treatsMongoOperatorsAsPlainValues() {
        assertRefused(api.post("/api/tasks", """
                {"title":{"$gt":""},"leadUnits":["%s"],"deadline":{"date":"2026-12-31"}}""".formatted(unit)),
                400, "\"title\"");
        assertRefused(api.post("/api/tasks", """
                {"title":"Báo cáo","leadUnits":[{"$ne":null}],"deadline":{"date":"2026-12-31"}}"""),
                400, "\"leadUnits[0]\"");
        assertRefused(api.post("/api/units", """
                {"code":"$where","name":"Phòng"}"""), 400, "Dữ liệu gửi lên không hợp lệ");

        var byOperator = api.get("/api/tasks?unit=%7B%22%24ne%22%3Anull%7D&q=.*");
        assertThat(byOperator.status()).isEqualTo(200);
        assertThat(byOperator.json().get("items").size()).as("an operator is a unit code no task has").isZero();
        assertThat(api.get("/api/tasks/%7B%22%24ne%22%3Anull%7D").status()).isEqualTo(404);
        assertThat(api.get("/api/units/%24where").status()).isIn(400, 404);
        assertNothingChanged();
    }

    @Test
    void neverUsesAnUploadedFileNameAsAPath() {
        String name = "dondoc-" + UUID.randomUUID() + ".tsv";
        Path outside = Path.of(System.getProperty("java.io.tmpdir")).getRoot().resolve("tmp").resolve(name);

        var response = api.upload("/api/imports", "../../../../../../tmp/" + name,
                "TT\tTên nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tKết quả đầu ra\tThời gian thực hiện\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isIn(201, 400);
        assertThat(response.body()).doesNotContain("Exception", "at vn.");
        assertThat(outside).doesNotExist();
        assertThat(Files.exists(Path.of("/tmp", name))).isFalse();
        assertNothingChanged();
    }

    private void assertRefused(Api.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(response.body()).doesNotContain("Exception", "at vn.", "tools.jackson", "java.lang");
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        assertThat(mongo.getCollection("tasks").countDocuments()).as("tasks stored").isEqualTo(tasksBefore);
        assertThat(mongo.getCollection("units").countDocuments()).as("units stored").isEqualTo(unitsBefore);
        assertThat(mongo.getCollection("units").find(new Document("_id", "$where")).first()).isNull();
    }
}
