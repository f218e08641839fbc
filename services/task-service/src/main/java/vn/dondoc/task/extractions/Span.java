package vn.dondoc.task.extractions;

/**
 * Where a draft field was read: character offsets {@code [start, end)} into the text as it was received, so the
 * review screen can highlight it even when the phrase runs across a hard line break.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Invalid span [" + start + ", " + end + ")");
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
