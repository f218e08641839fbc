package vn.dondoc.task.imports;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns raw cell text into what users wrote: NFC, no markup, single spaces.
 */
final class CellText {

    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>|</p\\s*>");

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(\\s[^<>]*)?/?>");

    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|nbsp|#\\d{1,6}|#x[0-9a-fA-F]{1,5});");

    // Word and web pages bring non-breaking, narrow and zero-width spaces along with ordinary ones.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\u2060\\uFEFF]+");

    private static final Pattern BOLD_WRAPPED = Pattern.compile("(?is)^\\s*(<(b|strong)>\\s*)+.*?(\\s*</(b|strong)>)+\\s*$");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private CellText() {
    }

    /** The text on one line: tags removed, entities decoded, white space collapsed. */
    static String clean(String raw) {
        return clean(raw, " ");
    }

    /**
     * The text with its lines joined by {@code lineSeparator} (for unit lists ", " keeps "Phòng NVY" and
     * "Phòng KHTH" on separate lines apart).
     */
    static String clean(String raw, String lineSeparator) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = LINE_BREAK_TAG.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        String separator = lineSeparator.strip();
        return Arrays.stream(text.split("\\R"))
            .map((line) -> SPACES.matcher(line).replaceAll(" ").strip())
            .filter((line) -> !line.isEmpty())
            .reduce((joined, line) -> (separator.isEmpty() || joined.endsWith(separator) || joined.endsWith(";"))
                    ? joined + " " + line : joined + lineSeparator + line)
            .orElse("");
    }

    static boolean isBoldMarkup(String raw) {
        return raw != null && BOLD_WRAPPED.matcher(raw).matches();
    }

    /** Lower case, without diacritics, single spaces: "Đơn vị chủ trì" → "don vi chu tri". */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(clean(text), Normalizer.Form.NFD);
        String plain = COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return plain.toLowerCase(Locale.ROOT);
    }

    private static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = ENTITY.matcher(text);
        return matcher.replaceAll((match) -> Matcher.quoteReplacement(decode(match.group(1))));
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                int codePoint = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                yield Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "";
            }
        };
    }

    static String joinNonEmpty(String separator, String... parts) {
        return Arrays.stream(parts).filter((part) -> !part.isEmpty()).collect(Collectors.joining(separator));
    }

}
