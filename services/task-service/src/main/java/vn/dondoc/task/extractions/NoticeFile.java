package vn.dondoc.task.extractions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.dondoc.task.imports.PlanTableLimits;

/**
 * A notice as it arrives, turned into the text the extractor reads: a {@code text/plain} body or a {@code .txt}
 * file as UTF-8, a Word file ({@code .docx}) as its paragraphs and table cells in document order, one per line.
 * Word's automatic numbering ({@code 1.}, {@code a)}) is not in a paragraph's text, so it is written out in front
 * of the paragraph as the document shows it; items are recognised by those markers.
 */
final class NoticeFile {

    /** The longest notice read, in UTF-8 bytes of its text: a real notice is a few dozen kilobytes. */
    static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;
    /** Characters of text a .docx may hold; at most three UTF-8 bytes each, checked again on the result. */
    private static final int MAX_DOCX_CHARS = MAX_TEXT_BYTES;

    private NoticeFile() {
    }

    /** The body of a {@code text/plain} request, read no further than the limit. */
    static String text(InputStream body, Charset charset) {
        return decode(readAtMost(body), charset == null ? StandardCharsets.UTF_8 : charset);
    }

    /** An uploaded file, by its extension. */
    static String file(String filename, InputStream in) {
        String extension = extension(filename);
        return switch (extension) {
            case "docx" -> docx(in);
            case "txt" -> text(in, StandardCharsets.UTF_8);
            case "doc" -> throw new NoticeUnreadable("Định dạng .doc cũ không được hỗ trợ; hãy lưu lại thành .docx rồi tải lên",
                    "Legacy .doc is not supported; save as .docx");
            default -> throw new NoticeUnreadable("Chỉ nhận tệp .docx hoặc .txt; tệp \"" + (filename == null ? "" : filename)
                    + "\" không thuộc các loại này", "Only .docx and .txt files are accepted");
        };
    }

    private static byte[] readAtMost(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
            if (bytes.length > MAX_TEXT_BYTES) {
                throw NoticeTooLarge.text();
            }
            return bytes;
        } catch (IOException e) {
            throw new NoticeUnreadable("Không đọc được nội dung gửi lên", "Could not read the request body", e);
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NoticeUnreadable("Nội dung không phải văn bản " + charset.name() + " hợp lệ",
                    "The text is not valid " + charset.name(), e);
        }
    }

    private static String docx(InputStream in) {
        PlanTableLimits.defaults().guardOfficeFiles();
        try (var document = new XWPFDocument(in)) {
            var out = new Text();
            var numbering = new Numbering();
            for (IBodyElement element : document.getBodyElements()) {
                element(element, out, numbering);
            }
            String text = out.toString();
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
                throw NoticeTooLarge.text();
            }
            return text;
        } catch (NoticeTooLarge | NoticeUnreadable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports zip bombs, truncated archives and broken XML alike; none of them is the user's notice
            throw new NoticeUnreadable("Không đọc được tệp Word (.docx): tệp bị hỏng, không đúng định dạng, "
                    + "hoặc có nội dung nén bất thường (quá lớn khi giải nén)",
                    "Unreadable .docx: " + e.getMessage(), e);
        }
    }

    private static void element(IBodyElement element, Text out, Numbering numbering) {
        if (element.getElementType() == BodyElementType.PARAGRAPH) {
            var paragraph = (XWPFParagraph) element;
            out.line(numbering.marker(paragraph) + paragraph.getText());
        } else if (element.getElementType() == BodyElementType.TABLE) {
            for (XWPFTableRow row : ((XWPFTable) element).getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    for (IBodyElement inner : cell.getBodyElements()) {
                        element(inner, out, numbering);
                    }
                }
            }
        } else if (element instanceof XWPFSDT sdt) {
            out.line(sdt.getContent().getText());
        }
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** Lines joined by line breaks, refused once longer than a notice can be. */
    private static final class Text {
        private final StringBuilder text = new StringBuilder();

        void line(String line) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line);
            if (text.length() > MAX_DOCX_CHARS) {
                throw NoticeTooLarge.text();
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Word's list counters: per list and level, restarted below a level that advances. */
    private static final class Numbering {
        private final Map<String, int[]> counters = new HashMap<>();

        String marker(XWPFParagraph paragraph) {
            try {
                if (paragraph.getNumID() == null || paragraph.getNumIlvl() == null) {
                    return "";
                }
                int level = Math.min(paragraph.getNumIlvl().intValue(), 8);
                String format = paragraph.getNumFmt();
                String pattern = paragraph.getNumLevelText();
                if (format == null || pattern == null || "bullet".equals(format)) {
                    return "bullet".equals(format) ? "- " : "";
                }
                int[] count = counters.computeIfAbsent(paragraph.getNumID().toString(), k -> new int[9]);
                count[level]++;
                for (int deeper = level + 1; deeper < count.length; deeper++) {
                    count[deeper] = 0;
                }
                String marker = pattern;
                for (int l = 0; l <= level; l++) {
                    marker = marker.replace("%" + (l + 1), render(Math.max(1, count[l]), l == level ? format : "decimal"));
                }
                return marker + " ";
            } catch (RuntimeException e) {
                return ""; // a numbering definition POI cannot follow: the text is still worth reading
            }
        }

        private static String render(int n, String format) {
            return switch (format) {
                case "lowerLetter" -> letters(n);
                case "upperLetter" -> letters(n).toUpperCase(Locale.ROOT);
                case "lowerRoman" -> roman(n).toLowerCase(Locale.ROOT);
                case "upperRoman" -> roman(n);
                default -> Integer.toString(n);
            };
        }

        private static String letters(int n) {
            var s = new StringBuilder();
            for (int k = n; k > 0; k = (k - 1) / 26) {
                s.insert(0, (char) ('a' + (k - 1) % 26));
            }
            return s.toString();
        }

        private static String roman(int n) {
            int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
            String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
            var s = new StringBuilder();
            int rest = Math.min(n, 3999);
            for (int i = 0; i < values.length; i++) {
                while (rest >= values[i]) {
                    s.append(symbols[i]);
                    rest -= values[i];
                }
            }
            return s.toString();
        }
    }
}
