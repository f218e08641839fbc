package vn.dondoc.task.extractions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.Topics;
import vn.dondoc.task.Api;
import vn.dondoc.task.Topic;
import vn.dondoc.testing.RealInfrastructure;
import vn.dondoc.testing.Samples;

/**
 * Notice extraction through the API against the real embedded infrastructure: a notice becomes a stored draft with
 * units resolved against the starter directory, the admin edits and confirms it, and the tasks are assigned and
 * published like any other.
 */
// a context (so a database) of its own: other tests register units named like the starter's ("Phòng Nghiệp vụ Y"
// under random codes), which would rightly make those names ambiguous here
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dondoc.admin.password=" + Api.PASSWORD, "spring.application.name=task-service-extractions"})
@RealInfrastructure
class ExtractionTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private Client client;

    @BeforeEach
    void starterDirectory() {
        client = new Client(port);
        assertThat(client.send(client.request("/api/units/starter").POST(HttpRequest.BodyPublishers.noBody())).status())
                .isEqualTo(200);
    }

    @Test
    void draftsTheQuangNinhNoticeWithUnitsResolvedAgainstTheDirectory() {
        String text = Samples.text(Samples.NOTICE_003);

        var created = client.postText(text);

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/extractions/" + id);
        var draft = client.get("/api/extractions/" + id).json();
        assertThat(draft).isEqualTo(created.json());
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("text").asString()).isEqualTo(text);
        assertThat(draft.get("document").get("type").asString()).isEqualTo("Thông báo");
        assertThat(draft.get("document").get("issuer").asString()).isEqualTo("Sở Y tế");
        assertThat(draft.get("document").get("signer").asString()).isEqualTo("Vũ Thị Mai");
        assertThat(draft.get("document").get("addressee").asString()).isEqualTo("các cơ quan, đơn vị");
        assertThat(refs(draft)).containsExactly("1.(1)", "1.(2)", "2.(1)", "2.(2)", "2.(3)", "2.(4)", "3.(1)", "3.(2)",
                "3.(3)", "4.(1)", "4.(2)", "5.(1)", "5.(2)", "6", "7.(1)", "7.(2)", "8.(1)", "8.(2)", "8.(3)", "8.(4)",
                "8.(5)", "8.(6)", "8.(7)", "9.(1)", "9.(2)", "9.(3)", "9.(4)", "9.(5)", "9.(6)", "9.(7)", "10.(1)",
                "10.(2)");

        var nvy = item(draft, "2.(4)");
        assertThat(strings(nvy.get("leadUnits"))).containsExactly("NVY");
        assertThat(strings(nvy.get("coordinatingUnits"))).containsExactly("ATVSTP");
        assertThat(strings(nvy.get("unresolvedUnits"))).isEmpty();
        assertThat(nvy.get("needsReview").asBoolean()).isFalse();
        assertThat(span(text, nvy.get("spans").get("title"))).startsWith(nvy.get("title").asString().substring(0, 20));
        assertThat(nvy.get("spans").get("units")).anySatisfy(unit -> {
            assertThat(unit.get("role").asString()).isEqualTo("COORDINATING");
            assertThat(span(text, unit)).isEqualTo("Chi cục An toàn vệ sinh thực phẩm");
            assertThat(strings(unit.get("codes"))).containsExactly("ATVSTP");
        });
        assertThat(strings(item(draft, "1.(1)").get("leadUnits"))).containsExactly("CDC");
        assertThat(strings(item(draft, "5.(1)").get("leadUnits"))).containsExactly("CDC");
        assertThat(strings(item(draft, "8.(7)").get("leadUnits"))).containsExactly("KHTC", "NVD");

        // hospitals the starter directory does not list stay as text, with a warning
        var hospitals = item(draft, "4.(2)");
        assertThat(strings(hospitals.get("unresolvedUnits"))).contains("Bệnh viện Bãi Cháy");
        assertThat(hospitals.get("needsReview").asBoolean()).isTrue();
        assertThat(strings(hospitals.get("warnings"))).anySatisfy(w -> assertThat(w).contains("Bệnh viện Bãi Cháy"));

        // an item that names no unit is led by the notice's addressee, and says so
        var addresseeOnly = item(draft, "6");
        assertThat(addresseeOnly.get("leadFromAddressee").asBoolean()).isTrue();
        assertThat(addresseeOnly.get("needsReview").asBoolean()).isTrue();

        var meeting = item(draft, "8.(3)").get("deadline");
        assertThat(meeting.get("kind").asString()).isEqualTo(DeadlineKind.MONTH.name());
        assertThat(meeting.get("dueDate").asString()).isEqualTo("2024-06-30");
        assertThat(span(text, item(draft, "8.(3)").get("spans").get("deadline"))).isEqualTo("tại Kỳ họp tháng 6/2024");
        assertThat(item(draft, "9.(2)").get("deadline").get("dueDate").asString()).isEqualTo("2024-04-30");
        assertThat(item(draft, "2.(2)").get("deadline").isNull()).isTrue(); // the 30/4-01/5 holiday is no deadline
    }

    @Test
    void assignsTheIncludedItemsOnceConfirmed() {
        var draft = client.postText(Samples.text(Samples.NOTICE_003)).json();
        String id = draft.get("id").asString();

        var refused = client.post("/api/extractions/" + id + "/confirm");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("items")).anySatisfy(item -> {
            assertThat(item.get("ref").asString()).isEqualTo("2.(4)");
            assertThat(strings(item.get("reasons"))).contains("Chưa có hạn hoàn thành");
        });
        assertThat(client.get("/api/extractions/" + id).json().get("items"))
                .allSatisfy(item -> assertThat(item.get("taskId").isNull()).isTrue());

        Set<String> kept = Set.of("2.(4)", "8.(3)", "9.(2)");
        for (String ref : refs(draft)) {
            if (!kept.contains(ref)) {
                assertThat(client.put(path(id, ref), "{\"included\":false}").status()).isEqualTo(200);
            }
        }
        var edited = client.put(path(id, "2.(4)"), """
                {"title":"Kiểm tra an toàn thực phẩm dịp lễ","deadline":{"text":"trước ngày 15/5/2024"},
                 "expectedOutput":"Báo cáo kết quả kiểm tra"}""");
        assertThat(edited.status()).isEqualTo(200);
        var item = item(edited.json(), "2.(4)");
        assertThat(item.get("deadline").get("kind").asString()).isEqualTo("DATE");
        assertThat(item.get("deadline").get("dueDate").asString()).isEqualTo("2024-05-15");
        assertThat(item.get("spans").get("deadline").isNull()).isTrue();
        assertThat(client.put(path(id, "8.(3)"), "{\"leadUnits\":[\"KHTH\"],\"coordinatingUnits\":[]}").status())
                .isEqualTo(200);
        var byName = client.put(path(id, "9.(2)"), "{\"leadUnits\":[\"Phòng Nghiệp vụ Y\"]}");
        assertThat(strings(item(byName.json(), "9.(2)").get("leadUnits"))).containsExactly("NVY");

        var confirmed = client.post("/api/extractions/" + id + "/confirm");

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        List<String> taskIds = new ArrayList<>();
        for (var each : confirmed.json().get("items")) {
            if (kept.contains(each.get("ref").asString())) {
                taskIds.add(each.get("taskId").asString());
            } else {
                assertThat(each.get("taskId").isNull()).as(each.get("ref").asString()).isTrue();
            }
        }
        assertThat(taskIds).hasSize(3).doesNotContainNull();
        try (var tasks = new Topic(Topics.TASKS)) {
            await().atMost(PATIENCE).until(() -> tasks.records(r -> taskIds.contains(r.key())).size() == 3);
            var assigned = tasks.records(r -> taskIds.contains(r.key())).stream()
                    .map(r -> (TaskAssigned) r.value().data()).toList();
            var first = assigned.stream().filter(t -> t.source().item().equals("2.(4)")).findFirst().orElseThrow();
            assertThat(first.title()).isEqualTo("Kiểm tra an toàn thực phẩm dịp lễ");
            assertThat(first.leadUnits()).containsExactly("NVY");
            assertThat(first.coordinatingUnits()).containsExactly("ATVSTP");
            assertThat(first.expectedOutput()).isEqualTo("Báo cáo kết quả kiểm tra");
            assertThat(first.deadline().dueDate()).isEqualTo(LocalDate.of(2024, 5, 15));
            assertThat(first.source().issuer()).isEqualTo("Sở Y tế");
            var meeting = assigned.stream().filter(t -> t.source().item().equals("8.(3)")).findFirst().orElseThrow();
            assertThat(meeting.leadUnits()).containsExactly("KHTH");
            assertThat(meeting.deadline().kind()).isEqualTo(DeadlineKind.MONTH);
            assertThat(meeting.deadline().dueDate()).isEqualTo(LocalDate.of(2024, 6, 30));
            assertThat(meeting.deadline().text()).isEqualTo("tại Kỳ họp tháng 6/2024");
            var april = assigned.stream().filter(t -> t.source().item().equals("9.(2)")).findFirst().orElseThrow();
            assertThat(april.leadUnits()).containsExactly("NVY");
            assertThat(april.deadline().dueDate()).isEqualTo(LocalDate.of(2024, 4, 30));
        }
        assertThat(client.get("/api/tasks/" + taskIds.getFirst()).status()).isEqualTo(200);

        var again = client.post("/api/extractions/" + id + "/confirm");
        assertThat(again.status()).isEqualTo(409);
        assertThat(client.put(path(id, "6"), "{\"included\":true}").status()).isEqualTo(409);
    }

    @Test
    void readsAWordFileAsItsText() {
        String text = Samples.text(Samples.NOTICE_000);

        var fromText = client.postText(text);
        var fromWord = client.postFile("thong-bao.docx", docx(text));

        assertThat(fromWord.status()).isEqualTo(201);
        assertThat(fromWord.json().get("text").asString()).isEqualTo(text);
        assertThat(fromWord.json().get("items")).isEqualTo(fromText.json().get("items"));
        assertThat(fromWord.json().get("document")).isEqualTo(fromText.json().get("document"));
        assertThat(refs(fromWord.json())).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(item(fromWord.json(), "3").get("deadline").get("dueDate").asString()).isEqualTo("2026-06-30");
        assertThat(item(fromWord.json(), "2").get("needsReview").asBoolean()).isTrue(); // the addressee leads it

        var fromTextFile = client.postFile("thong-bao.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(fromTextFile.status()).isEqualTo(201);
        assertThat(fromTextFile.json().get("items")).isEqualTo(fromText.json().get("items"));
    }

    @Test
    void answersBadInputWithProblemDetailsAndStoresNothing() {
        long before = mongo.getCollection("extractions").countDocuments();

        assertProblem(client.postText(""), 400);
        assertProblem(client.postText(" \n\t \n"), 400);
        assertProblem(client.postText("x".repeat(3 * 1024 * 1024)), 413);
        assertProblem(client.postText("Một đoạn văn không có mục nào."), 422);
        assertProblem(client.postFile("thong-bao.docx", "PK\u0003\u0004 không phải Word".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(client.postFile("thong-bao.docx", zipBomb()), 400);
        assertProblem(client.postFile("thong-bao.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(client.postFile("thong-bao.docx", new byte[0]), 400);
        assertProblem(client.send(client.request("/api/extractions").header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'1', '.', ' ', (byte) 0xC3, (byte) 0x28}))), 400);
        assertProblem(client.get("/api/extractions/" + UUID.randomUUID()), 404);

        assertThat(mongo.getCollection("extractions").countDocuments()).isEqualTo(before);
    }

    @Test
    void neverAnswersArbitraryTextWithAServerError() {
        long seed = System.nanoTime();
        var random = new Random(seed);
        String[] words = {"1.", "2.", "9.1.", "10.", "a)", "b)", "(1)", "(2)", "-", "Giao", "chủ trì", "phối hợp với",
                "Phòng NVY", "Phòng Nghiệp vụ Y", "Yêu cầu", "Đề nghị", "Trung tâm Kiểm soát bệnh tật tỉnh", "các",
                "đơn vị", "trước ngày", "30/6/2026", "31/2/2025", "trong tháng", "13/2024", "Quý", "IV/2025", "năm",
                "Kỳ họp tháng", "Nơi nhận:", "KT. GIÁM ĐỐC", "Số:", "45/TB-SYT", "ngày", "tháng", ",", ";", ":", ".",
                "\n", "\n\n", "\r\n", "   ", "\t", "¹", "²", "3/5", "2026-2030", "(", ")", "./.", "…", "\u0000",
                "\uFEFF", "đ", "Đ", "ệ", "e\u0301"};
        for (int run = 0; run < 60; run++) {
            var text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(8) == 0) {
                    text.appendCodePoint(random.nextInt(0x2FFF) + 1);
                } else {
                    text.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
                }
            }
            var response = client.postText(text.toString());
            assertThat(response.status()).as("seed %d, run %d: %s", seed, run, response.body())
                    .isIn(201, 400, 413, 422);
        }
    }

    private static void assertProblem(Client.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    private static String path(String id, String ref) {
        return "/api/extractions/" + id + "/items/" + ref;
    }

    private static List<String> refs(JsonNode draft) {
        List<String> refs = new ArrayList<>();
        draft.get("items").forEach(item -> refs.add(item.get("ref").asString()));
        return refs;
    }

    private static JsonNode item(JsonNode draft, String ref) {
        for (var item : draft.get("items")) {
            if (item.get("ref").asString().equals(ref)) {
                return item;
            }
        }
        throw new AssertionError("No item " + ref);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String span(String text, JsonNode span) {
        return text.substring(span.get("start").asInt(), span.get("end").asInt());
    }

    /** The text as a Word document, one paragraph per line, as a conversion to .docx gives it. */
    private static byte[] docx(String text) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n", -1)) {
                var paragraph = document.createParagraph();
                if (!line.isEmpty()) {
                    paragraph.createRun().setText(line);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .docx whose document part inflates from a few hundred kilobytes to 200 MB. */
    private static byte[] zipBomb() {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                    </Types>""".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extraction API as an admin's script calls it. */
    private static final class Client {

        record Response(int status, java.net.http.HttpHeaders headers, String body) {
            JsonNode json() {
                return JSON.readTree(body);
            }

            String header(String name) {
                return headers.firstValue(name).orElse(null);
            }
        }

        private final HttpClient http = HttpClient.newHttpClient();
        private final int port;

        Client(int port) {
            this.port = port;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(("admin:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }

        Response get(String path) {
            return send(request(path).GET());
        }

        Response post(String path) {
            return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
        }

        Response put(String path, String json) {
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        Response postText(String text) {
            return send(request("/api/extractions").header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
        }

        Response postFile(String filename, byte[] content) {
            String boundary = "----dondoc" + UUID.randomUUID();
            var body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(request("/api/extractions").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        Response send(HttpRequest.Builder request) {
            try {
                var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
