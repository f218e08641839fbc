package vn.dondoc.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import vn.dondoc.events.Channel;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Event;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderId;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.UnitRole;
import vn.dondoc.testing.Browser;
import vn.dondoc.testing.Infrastructure;

/** An admin in a real Chromium: logs in, watches a task arrive live, follows it, and reads the mail units got. */
@ConsoleTest
class ConsoleBrowserTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Envelope<?>> kafka;

    @Test
    void showsANewTaskLiveThenItsTimelineAndTheMailItsUnitReceived() throws Exception {
        WebDriver browser = Browser.chromium();
        try {
            var wait = new WebDriverWait(browser, PATIENCE);
            String taskId = "T-" + UUID.randomUUID();
            String title = "Tham mưu ban hành Kế hoạch phòng, chống dịch bệnh năm 2027";
            String address = "nvy-" + taskId.substring(2, 10) + "@soyte.local";

            browser.get(url("/"));
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.findElement(By.name("username")).sendKeys("admin");
            browser.findElement(By.name("password")).sendKeys(ConsoleTest.PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Nhật ký sự kiện"));
            ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
            wait.until(ExpectedConditions.textToBe(By.id("live-status"), "Đang cập nhật trực tiếp."));

            LocalDate due = LocalDate.now(VIETNAM).plusDays(10);
            Instant dueAt = due.atTime(17, 0).atZone(VIETNAM).toInstant();
            var assigned = new TaskAssigned(taskId, title, List.of("NVY"), List.of("KHTC"), "Kế hoạch được ban hành",
                    new Deadline(DeadlineKind.DATE, due, dueAt, "trước ngày " + due.getDayOfMonth() + "/" + due.getMonthValue() + "/" + due.getYear()),
                    null, null, Instant.now());
            publish(assigned);

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), taskId));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"))
                    .as("the row arrived without a reload").isEqualTo(true);
            assertThat(browser.findElement(By.id("events")).getText()).contains("Giao nhiệm vụ", title, "NVY");
            Browser.screenshot(browser, SCREENSHOTS.resolve("event-log.png"));

            String reminderId = ReminderId.of(taskId, "NVY", Stage.ASSIGNMENT, 1, Duration.ZERO);
            publish(new RemindersPlanned(taskId, List.of(
                    new RemindersPlanned.Upcoming(ReminderId.of(taskId, "NVY", Stage.BEFORE_DUE, 1, Duration.ofDays(3)), "NVY",
                            Stage.BEFORE_DUE, dueAt.minus(Duration.ofDays(3))),
                    new RemindersPlanned.Upcoming(ReminderId.of(taskId, "NVY", Stage.DUE, 1, Duration.ZERO), "NVY", Stage.DUE,
                            dueAt)), Instant.now()));
            publish(new ReminderDue(reminderId, taskId, "NVY", UnitRole.LEAD, Stage.ASSIGNMENT, 1, "NVY", Instant.now(),
                    assigned.summary()));
            String subject = "[Đôn đốc] Giao nhiệm vụ: " + title;
            deliver(address, subject, reminderId);
            publish(new NotificationSent(reminderId, taskId, "NVY", Channel.EMAIL, address, "smtp", 1, Instant.now(), false));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), address));

            browser.findElement(By.linkText(taskId)).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
            String timeline = browser.findElement(By.id("timeline")).getText();
            assertThat(timeline).contains("Giao nhiệm vụ", "Lập lịch nhắc", "Đến lúc nhắc", "Đã gửi thông báo", "email", "Đã gửi");
            assertThat(browser.findElement(By.id("upcoming")).getText()).contains("nhắc trước hạn", "nhắc đến hạn",
                    due.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 17:00");
            Browser.screenshot(browser, SCREENSHOTS.resolve("task-timeline.png"));

            browser.findElement(By.linkText("Giao nhiệm vụ")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("json")));
            assertThat(browser.findElement(By.id("json")).getText()).contains("\"title\" : \"" + title + "\"");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("ce_type", "task.assigned", "traceparent");
            Browser.screenshot(browser, SCREENSHOTS.resolve("event.png"));

            browser.findElement(By.linkText("Hộp thư (local)")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Hộp thư đã nhận (môi trường local)"));
            wait.until(driver -> {
                if (driver.getPageSource().contains(reminderId)) {
                    return true;
                }
                driver.navigate().refresh();
                return false;
            });
            assertThat(browser.findElement(By.id("mails")).getText()).contains(subject, address);
            Browser.screenshot(browser, SCREENSHOTS.resolve("mailbox.png"));

            for (String page : List.of("board", "failures", "sms")) {
                browser.get(url("/" + page));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                assertThat(browser.findElement(By.tagName("nav")).getText()).contains("Nhật ký sự kiện", "Bảng theo dõi");
                Browser.screenshot(browser, SCREENSHOTS.resolve(page + ".png"));
            }
            assertThat(browser.getPageSource()).contains("Tin nhắn SMS đã nhận");
        } finally {
            browser.quit();
        }
    }

    private void publish(Event event) throws Exception {
        kafka.send(new Envelope<>(UUID.randomUUID().toString(), "/dondoc/notifier-service", Instant.now(), null, event)
                .toRecord()).get();
    }

    /** What the notifier does for real: one email through the SMTP server, into the recipient's mailbox. */
    private static void deliver(String address, String subject, String reminderId) throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", Infrastructure.shared().smtpHost());
        properties.put("mail.smtp.port", String.valueOf(Infrastructure.shared().smtpPort()));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("dondoc@localhost", "Đôn đốc", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("X-Dondoc-Reminder-Id", reminderId);
        message.setText("Kính gửi Phòng Nghiệp vụ Y,\nĐơn vị được giao nhiệm vụ mới.", "UTF-8");
        Transport.send(message);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
