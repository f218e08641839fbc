package vn.dondoc.events;

import java.util.List;

/** What a reminder needs to say about its task, so the notifier never has to ask the task service. */
public record TaskSummary(String title, String expectedOutput, List<String> leadUnits, List<String> coordinatingUnits,
                          Deadline deadline, SourceDocument source) {
}
