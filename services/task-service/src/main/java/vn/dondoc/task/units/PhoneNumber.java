package vn.dondoc.task.units;

import java.util.regex.Pattern;

/**
 * A Vietnamese phone number in E.164 form ({@code +84912345678}), the form SMS gateways expect. Staff type numbers
 * as {@code 0912 345 678}, {@code 0912.345.678}, {@code 84912345678} or {@code +84 912 345 678}; all are the same.
 */
record PhoneNumber(String e164) {

    /** The national number after the trunk 0: mobiles (3, 5, 7, 8, 9 + 8 digits) and landlines (2 + 9 digits). */
    private static final Pattern NATIONAL = Pattern.compile("(?:[35789]\\d{8}|2\\d{9})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-]");

    static PhoneNumber parse(String typed) {
        String digits = typed == null ? "" : SEPARATORS.matcher(typed.strip()).replaceAll("");
        String national;
        if (digits.startsWith("+84")) {
            national = digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            throw new InvalidPhoneNumber(typed);
        }
        if (national.startsWith("0")) {
            national = national.substring(1); // +84 0912… is written too
        }
        if (!NATIONAL.matcher(national).matches()) {
            throw new InvalidPhoneNumber(typed);
        }
        return new PhoneNumber("+84" + national);
    }

    @Override
    public String toString() {
        return e164;
    }
}
