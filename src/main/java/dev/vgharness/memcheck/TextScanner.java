package dev.vgharness.memcheck;

/**
 * A cursor over one line for the hand-written line parsers: numbers with thousands separators, optional
 * {@code (+N)}/{@code (-N)} deltas, hex addresses and literal words. Methods return -1 / null / false on a mismatch
 * instead of throwing, because most lines are tried against several shapes.
 */
final class TextScanner {

    static final long NONE = -1;

    private final String text;
    private int pos;

    TextScanner(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    int pos() {
        return pos;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    String rest() {
        return text.substring(pos);
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    boolean skip(String literal) {
        if (text.startsWith(literal, pos)) {
            pos += literal.length();
            return true;
        }
        return false;
    }

    void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** A decimal number that may use {@code ,} thousands separators; NONE when there is no digit here. */
    long number() {
        int n = text.length();
        int start = pos;
        long value = 0;
        while (pos < n) {
            char c = text.charAt(pos);
            if (LinePrefix.isDigit(c)) {
                value = value * 10 + (c - '0');
            } else if (c != ',' || pos == start || pos + 1 >= n || !LinePrefix.isDigit(text.charAt(pos + 1))) {
                break;
            }
            pos++;
        }
        return pos == start ? NONE : value;
    }

    /** An optional {@code " (+12)"} or {@code " (-3)"}; null (and nothing consumed) when absent. */
    Long delta() {
        int n = text.length();
        if (pos + 3 >= n || text.charAt(pos) != ' ' || text.charAt(pos + 1) != '(') {
            return null;
        }
        char sign = text.charAt(pos + 2);
        if (sign != '+' && sign != '-') {
            return null;
        }
        int saved = pos;
        pos += 3;
        long value = number();
        if (value == NONE || !skip(")")) {
            pos = saved;
            return null;
        }
        return sign == '-' ? -value : value;
    }

    /** {@code 0x} followed by hex digits, either case; NONE when absent. */
    long hexAddress() {
        if (!skip("0x")) {
            return NONE;
        }
        int start = pos;
        long value = 0;
        while (pos < text.length()) {
            int digit = Character.digit(text.charAt(pos), 16);
            if (digit < 0) {
                break;
            }
            value = (value << 4) | digit;
            pos++;
        }
        return pos == start ? NONE : value;
    }

    /** Characters up to (not including) the delimiter; null when it does not occur. */
    String until(char delimiter) {
        int end = text.indexOf(delimiter, pos);
        if (end < 0) {
            return null;
        }
        String word = text.substring(pos, end);
        pos = end;
        return word;
    }
}
