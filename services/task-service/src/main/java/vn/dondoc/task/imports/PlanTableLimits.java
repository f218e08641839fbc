package vn.dondoc.task.imports;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Safety limits for reading uploaded plan tables, independent of the upload size limit.
 *
 * @param maxRows non-blank rows read from one file
 * @param maxCellLength characters in one cell
 * @param maxColumns cells kept per row; further cells are ignored
 * @param maxZipEntrySize bytes one entry of a .docx/.xlsx may inflate to
 * @param minInflateRatio smallest compressed/uncompressed ratio accepted for a .docx/.xlsx entry (zip bombs
 * compress far better than real documents)
 */
public record PlanTableLimits(int maxRows, int maxCellLength, int maxColumns, long maxZipEntrySize,
        double minInflateRatio) {

    public static PlanTableLimits defaults() {
        return new PlanTableLimits(10_000, 10_000, 64, 64L * 1024 * 1024, 0.01);
    }

    /**
     * Applies the zip-bomb limits to POI before an Office file is opened. POI keeps them in JVM-wide statics, so
     * every feature that reads .docx/.xlsx (plan import, notice extraction) calls this with the same limits.
     */
    public void guardOfficeFiles() {
        ZipSecureFile.setMinInflateRatio(this.minInflateRatio);
        ZipSecureFile.setMaxEntrySize(this.maxZipEntrySize);
    }

    void checkRowCount(int rows) {
        if (rows > this.maxRows) {
            throw new UnreadablePlanTable("Bảng có quá nhiều dòng (tối đa " + this.maxRows
                    + " dòng). Hãy chia thành nhiều tệp nhỏ hơn.");
        }
    }

    String checkCell(String text, int sourceRow) {
        if (text.length() > this.maxCellLength) {
            throw cellTooLong(sourceRow);
        }
        return text;
    }

    UnreadablePlanTable cellTooLong(int sourceRow) {
        return new UnreadablePlanTable("Một ô ở dòng " + sourceRow + " dài quá " + this.maxCellLength
                + " ký tự; tệp không được nhận.");
    }

}
