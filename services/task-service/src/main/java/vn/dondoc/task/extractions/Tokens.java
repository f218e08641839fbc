package vn.dondoc.task.extractions;

import java.util.Arrays;

/**
 * The clean text cut into words and punctuation marks. A word keeps {@code & / - .} between its letters or digits
 * ({@code DS&TE}, {@code 6314/SYT-ATTP}, {@code 30/6/2026}, {@code xã/phường}); any other character is a mark of
 * its own.
 */
final class Tokens {

    private final CleanText clean;
    private int[] starts;
    private int[] ends;
    private boolean[] words;
    private int size;

    Tokens(CleanText clean) {
        this.clean = clean;
        String t = clean.text;
        int capacity = Math.max(16, t.length() / 4);
        starts = new int[capacity];
        ends = new int[capacity];
        words = new boolean[capacity];
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == ' ') {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < t.length()) {
                    char d = t.charAt(j);
                    if (Character.isLetterOrDigit(d)) {
                        j++;
                    } else if ((d == '&' || d == '/' || d == '-' || d == '.' || d == '\'' || d == '’')
                            && j + 1 < t.length() && Character.isLetterOrDigit(t.charAt(j + 1))
                            && (d != '.' || Character.isDigit(t.charAt(j + 1)) && Character.isDigit(t.charAt(j - 1)))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                add(i, j, true);
                i = j;
            } else {
                add(i, i + 1, false);
                i++;
            }
        }
    }

    private void add(int start, int end, boolean word) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            words = Arrays.copyOf(words, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        words[size] = word;
        size++;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    boolean isWord(int i) {
        return i >= 0 && i < size && words[i];
    }

    boolean isMark(int i, char mark) {
        return i >= 0 && i < size && !words[i] && clean.text.charAt(starts[i]) == mark;
    }

    /** Lower case, diacritics kept. */
    String lower(int i) {
        return clean.lower.substring(starts[i], ends[i]);
    }

    boolean lowerIs(int i, String word) {
        return i >= 0 && i < size && ends[i] - starts[i] == word.length()
                && clean.lower.startsWith(word, starts[i]);
    }

    boolean startsUpper(int i) {
        return isWord(i) && Character.isUpperCase(clean.text.charAt(starts[i]));
    }

    boolean startsLower(int i) {
        return isWord(i) && Character.isLowerCase(clean.text.charAt(starts[i]));
    }

    /** NVY, KHTC, DS&TE, UBND, BVĐK: two or more letters, all capitals. */
    boolean isAbbreviation(int i) {
        if (!isWord(i)) {
            return false;
        }
        int letters = 0;
        for (int k = starts[i]; k < ends[i]; k++) {
            char c = clean.text.charAt(k);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    /** The first token starting at or after a clean-text position. */
    int at(int position) {
        int i = Arrays.binarySearch(starts, 0, size, position);
        return i >= 0 ? i : -i - 1;
    }
}
