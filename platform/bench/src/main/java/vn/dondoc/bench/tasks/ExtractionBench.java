package vn.dondoc.bench.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import vn.dondoc.task.extractions.NoticeExtractor;
import vn.dondoc.testing.Samples;

/**
 * How long the notice extractor takes for a 1 MB notice (issue 9: "a 1 MB notice is processed in under a second").
 * The notice is sample 003 grown to 1 MB: its lead-in, then 90 numbered items made of its own items (with their
 * "(1) … (2) …" sub-items, hard line breaks and cited dates) each repeated to about 11 KB, then its closing and
 * signature. Prints the first (cold) run, then median, p90 and max of the warm runs.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -o -q -pl platform/bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp platform/bench/target/classes:$(cat platform/bench/target/cp.txt) vn.dondoc.bench.tasks.ExtractionBench [runs]
 * </pre>
 */
public final class ExtractionBench {

    private static final int TARGET_CHARS = 1_000_000;
    private static final int MAX_ITEMS = 90;
    private static final Pattern ITEM_START = Pattern.compile("(?m)^\\s*(\\d{1,2})\\. (?=\\p{Lu})");

    private ExtractionBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String notice = megabyteNotice();
        var extractor = new NoticeExtractor();

        long start = System.nanoTime();
        int items = extractor.extract(notice).items().size();
        double cold = millis(System.nanoTime() - start);

        double[] warm = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            extractor.extract(notice);
            warm[i] = millis(System.nanoTime() - t);
        }
        Arrays.sort(warm);
        System.out.printf("notice: %,d characters (%,d bytes UTF-8), %d draft items%n", notice.length(),
                notice.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, items);
        System.out.printf("cold (first run): %.0f ms%n", cold);
        System.out.printf("warm, %d runs: median %.0f ms, p90 %.0f ms, max %.0f ms%n", runs, warm[runs / 2],
                warm[(int) Math.ceil(runs * 0.9) - 1], warm[runs - 1]);
    }

    /** Sample 003's lead-in, its items renumbered 1, 2, 3 … until the text reaches 1 MB, its closing. */
    static String megabyteNotice() {
        String sample = Samples.text(Samples.NOTICE_003);
        var matcher = ITEM_START.matcher(sample);
        List<Integer> starts = new ArrayList<>();
        while (matcher.find()) {
            if (Integer.parseInt(matcher.group(1)) == starts.size() + 1) {
                starts.add(matcher.start());
            }
        }
        int closing = sample.indexOf("Thừa lệnh");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : closing;
            items.add(sample.substring(starts.get(i), end).replaceFirst("^\\s*\\d{1,2}\\. ", ""));
        }
        // notices number their items with one or two digits: 90 long items rather than 1,000 short ones
        int perItem = TARGET_CHARS / MAX_ITEMS;
        var notice = new StringBuilder(sample.substring(0, starts.getFirst()));
        for (int n = 1; notice.length() < TARGET_CHARS; n++) {
            String body = items.get((n - 1) % items.size());
            var item = new StringBuilder(body);
            while (item.length() < perItem) {
                item.append(body);
            }
            notice.append(n).append(". ").append(item);
        }
        return notice.append(sample.substring(closing)).toString();
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
