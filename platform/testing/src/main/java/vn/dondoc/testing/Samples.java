package vn.dondoc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The real documents users work with (copies of {@code shared/samples}): conclusion notices 000 and 003, and plan
 * 002 whose Phụ lục 02 is a table of 41 tasks.
 */
public final class Samples {

    public static final String NOTICE_000 = "000_8221ebaaf2fcf26d.txt";
    public static final String PLAN_002 = "002_38e1ffac6c7b20ec.txt";
    public static final String NOTICE_003 = "003_af5d638ada0fb66a.txt";

    private Samples() {
    }

    public static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample named " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
