package vn.dondoc.task.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tab-separated text: UTF-8 (UTF-16 when it starts with a byte order mark, as Excel's "Unicode text"
 * does). A cell that starts with a double quote is quoted the way spreadsheets export it, so it may hold
 * tabs, line breaks and doubled quotes.
 */
final class TsvTable {

    private final PlanTableLimits limits;

    private final Reader reader;

    private int line = 1;

    private int peeked = -2;

    private TsvTable(Reader reader, PlanTableLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    static List<List<RawRow>> read(InputStream in, PlanTableLimits limits) {
        try {
            TsvTable table = new TsvTable(decoding(in), limits);
            return List.of(table.rows());
        }
        catch (CharacterCodingException ex) {
            throw new UnreadablePlanTable("Tệp .tsv không phải văn bản UTF-8; hãy lưu lại với mã hoá UTF-8.", ex);
        }
        catch (IOException ex) {
            throw new UnreadablePlanTable("Không đọc được tệp .tsv.", ex);
        }
    }

    private static Reader decoding(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        int b0 = buffered.read();
        int b1 = buffered.read();
        int b2 = buffered.read();
        Charset charset;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            charset = StandardCharsets.UTF_8;
        }
        else {
            buffered.reset();
            if (b0 == 0xFF && b1 == 0xFE) {
                charset = StandardCharsets.UTF_16LE;
                buffered.skipNBytes(2);
            }
            else if (b0 == 0xFE && b1 == 0xFF) {
                charset = StandardCharsets.UTF_16BE;
                buffered.skipNBytes(2);
            }
            else {
                charset = StandardCharsets.UTF_8;
            }
        }
        return new BufferedReader(new InputStreamReader(buffered, charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private List<RawRow> rows() throws IOException {
        List<RawRow> rows = new ArrayList<>();
        int nonBlank = 0;
        while (peek() != -1) {
            int start = this.line;
            List<RawRow.Cell> cells = new ArrayList<>();
            boolean endOfRow = false;
            while (!endOfRow) {
                String text = (peek() == '"') ? quoted(start) : plain(start);
                if (cells.size() < this.limits.maxColumns()) {
                    cells.add(new RawRow.Cell(text, CellText.isBoldMarkup(text)));
                }
                int next = next();
                endOfRow = next != '\t';
                if (next == '\r' && peek() == '\n') {
                    next();
                }
                if (next == '\r' || next == '\n') {
                    this.line++;
                }
            }
            RawRow row = new RawRow(start, cells);
            if (!row.isBlank()) {
                this.limits.checkRowCount(++nonBlank);
            }
            rows.add(row);
        }
        return rows;
    }

    private String plain(int row) throws IOException {
        StringBuilder text = new StringBuilder();
        while (peek() != -1 && peek() != '\t' && peek() != '\n' && peek() != '\r') {
            append(text, next(), row);
        }
        return text.toString();
    }

    private String quoted(int row) throws IOException {
        next();
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = next();
            if (c == -1) {
                return text.toString();
            }
            if (c == '"') {
                if (peek() == '"') {
                    append(text, next(), row);
                    continue;
                }
                // Not a well-formed closing quote: keep whatever follows as written.
                return text + plain(row);
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                this.line++;
            }
            append(text, c, row);
        }
    }

    private void append(StringBuilder text, int c, int row) {
        if (text.length() >= this.limits.maxCellLength()) {
            throw this.limits.cellTooLong(row);
        }
        text.append((char) c);
    }

    private int peek() throws IOException {
        if (this.peeked == -2) {
            this.peeked = this.reader.read();
        }
        return this.peeked;
    }

    private int next() throws IOException {
        int c = peek();
        this.peeked = -2;
        return c;
    }

}
