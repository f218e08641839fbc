package vn.dondoc.events;

import java.time.LocalDate;

/**
 * The notice or plan a task comes from, e.g. Thông báo số 123/TB-UBND ngày 05/3/2024, item 9.1.
 *
 * @param group the section of the document the item is in ({@code I. Đổi mới mạnh mẽ tư duy…}), or null
 */
public record SourceDocument(String number, LocalDate date, String issuer, String item, String group) {

    public SourceDocument(String number, LocalDate date, String issuer, String item) {
        this(number, date, issuer, item, null);
    }
}
