package vn.dondoc.events;

import java.time.LocalDate;

/** The notice or plan a task comes from, e.g. Thông báo số 123/TB-UBND ngày 05/3/2024, item 9.1. */
public record SourceDocument(String number, LocalDate date, String issuer, String item) {
}
