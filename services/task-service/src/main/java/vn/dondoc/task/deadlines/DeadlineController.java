package vn.dondoc.task.deadlines;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shows how a deadline phrase is read, before it is used (DESIGN §4, "deadline parser"). */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

    private final DeadlineParser parser = new DeadlineParser();

    record Reading(String kind, LocalDate dueDate, String text, boolean needsReview, LocalDate startDate,
                   String condition, List<String> notes) {
    }

    @GetMapping("/parse")
    Reading parse(@RequestParam String text) {
        var parsed = parser.parse(text);
        return new Reading(parsed.kind().name(), parsed.dueDate(), parsed.text(), parsed.needsReview(),
                parsed.startDate(), parsed.condition(), parsed.notes());
    }
}
