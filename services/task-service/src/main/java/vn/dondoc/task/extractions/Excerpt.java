package vn.dondoc.task.extractions;

/**
 * A value read from the notice and where it was read.
 *
 * @param text the value, white space normalized (line breaks of the PDF conversion become single spaces); for
 *             the document type the canonical name ({@code Thông báo} for {@code THÔNG BÁO})
 * @param span where it stands in the original text
 */
public record Excerpt(String text, Span span) {
}
