package vn.dondoc.task.deadlines;

import java.text.Normalizer;

/**
 * Folds Vietnamese text for matching: lower case, no diacritics, {@code đ} → {@code d}, one character for one
 * character (after NFC), so a match in the folded text is also a span of the original.
 */
public final class VietnameseText {

    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    private VietnameseText() {
    }

    /** NFC with runs of white space (including hard line breaks from PDF conversion) made single spaces. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    /** {@link #normalize normalized} text folded character by character; same length as its input. */
    public static String fold(String normalized) {
        var folded = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            folded.append(foldChar(normalized.charAt(i)));
        }
        return folded.toString();
    }

    /** Folds one character: lower case, no diacritics, {@code đ} → {@code d}. Memoised: extraction folds megabytes. */
    public static char foldChar(char c) {
        char folded = FOLDED[c];
        if (folded == 0) {
            folded = computeFold(c);
            FOLDED[c] = folded; // benign race: every thread computes the same value
        }
        return folded;
    }

    private static char computeFold(char c) {
        if (c == 'đ' || c == 'Đ') {
            return 'd';
        }
        if (c < 128) {
            return Character.toLowerCase(c);
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return base < 128 ? Character.toLowerCase(base) : Character.toLowerCase(c);
    }
}
