package vn.dondoc.task.units;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A unit's short code as documents write it ({@code NVY}, {@code DS&TE}, {@code KHTH}). Codes are compared in
 * upper case, so {@code nvy} in a request names the same unit as {@code NVY}.
 */
public record UnitCode(String value) {

    /** Letters (Vietnamese ones included), digits, {@code &} and {@code -}. */
    public static final String PATTERN = "[\\p{L}\\p{N}&-]{1,32}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public UnitCode {
        if (value == null || !VALID.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException("Invalid unit code: " + value);
        }
        value = value.strip().toUpperCase(Locale.ROOT);
    }

    public static UnitCode of(String value) {
        return new UnitCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value.strip()).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
