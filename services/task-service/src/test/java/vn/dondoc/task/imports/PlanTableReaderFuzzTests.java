package vn.dondoc.task.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing of the plan-table importer (issue 8) with jqwik: random bytes under every accepted extension, and the
 * sample's Phụ lục 02 as .docx, .xlsx and .tsv with bytes flipped, cut off or repeated. Whatever arrives, the reader
 * answers with rows or with {@link UnreadablePlanTable} (a Vietnamese message the API shows as a problem), and never
 * with any other exception; its limits bound the work and the memory.
 */
class PlanTableReaderFuzzTests {

    private static final List<String> APPENDIX_02 = PlanTableFile.appendix02Lines();
    private static final byte[] DOCX = PlanTableFile.fromTsv(APPENDIX_02).docx();
    private static final byte[] XLSX = PlanTableFile.fromTsv(APPENDIX_02).xlsx();
    private static final byte[] TSV = PlanTableFile.fromTsv(APPENDIX_02).tsv();

    private final PlanTableReader reader = new PlanTableReader();

    /** A damaged copy of a real file: which file, and what happened to it. */
    record Damaged(String filename, byte[] bytes) {
        @Override
        public String toString() {
            return filename + " (" + bytes.length + " bytes)";
        }
    }

    @Property(tries = 300)
    void answersRandomBytesWithRowsOrAClearRefusal(@ForAll("extensions") String extension,
                                                   @ForAll @Size(max = 4_096) byte[] bytes) {
        assertReadsOrRefuses("bang." + extension, bytes);
    }

    @Property(tries = 200)
    void answersDamagedRealFilesWithRowsOrAClearRefusal(@ForAll("damagedFiles") Damaged file) {
        assertReadsOrRefuses(file.filename(), file.bytes());
    }

    @Provide
    Arbitrary<String> extensions() {
        return Arbitraries.of("docx", "xlsx", "tsv", "DOCX", "doc", "xls", "pdf", "", "docx.exe");
    }

    @Provide
    Arbitrary<Damaged> damagedFiles() {
        Arbitrary<Damaged> original = Arbitraries.of(new Damaged("phu-luc-02.docx", DOCX),
                new Damaged("phu-luc-02.xlsx", XLSX), new Damaged("phu-luc-02.tsv", TSV));
        return Combinators.combine(original, Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 64),
                Arbitraries.bytes()).as((file, how, where, howMany, value) -> {
            byte[] bytes = file.bytes().clone();
            int at = (int) (where * (bytes.length - 1));
            byte[] damaged = switch (how) {
                case 0 -> { // bytes overwritten
                    IntStream.range(at, Math.min(bytes.length, at + howMany)).forEach(i -> bytes[i] = value);
                    yield bytes;
                }
                case 1 -> Arrays.copyOf(bytes, at); // cut off, as by an interrupted upload
                default -> { // a stretch repeated
                    byte[] longer = Arrays.copyOf(bytes, bytes.length + howMany);
                    System.arraycopy(bytes, at, longer, at + howMany, bytes.length - at);
                    yield longer;
                }
            };
            return new Damaged(file.filename(), damaged);
        });
    }

    private void assertReadsOrRefuses(String filename, byte[] bytes) {
        Throwable thrown = catchThrowable(() -> assertThat(reader.read(filename, new ByteArrayInputStream(bytes)))
                .isNotNull()
                .allSatisfy(row -> assertThat(row).isNotNull()));
        if (thrown != null) {
            assertThat(thrown).as(filename).isInstanceOf(UnreadablePlanTable.class);
            assertThat(thrown.getMessage()).as("a message an office user can read").isNotBlank();
        }
    }

}
