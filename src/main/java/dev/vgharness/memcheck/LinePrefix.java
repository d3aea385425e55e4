package dev.vgharness.memcheck;

/**
 * Finds where the body of a valgrind line starts, after {@code ==PID== }, {@code --PID-- }, {@code **PID** },
 * with an optional {@code --time-stamp=yes} stamp ({@code ==00:00:00:00.594 1994== }) and the {@code >} characters
 * of nested valgrinds. Scans by hand: this runs on every line, and a regex costs several times more.
 */
final class LinePrefix {

    private static final int STAMP_LENGTH = "00:00:00:00.000 ".length();

    private LinePrefix() {
    }

    /** The index where the body starts: after the prefix and its single space, or 0 when there is no prefix. */
    static int bodyStart(String line) {
        int n = line.length();
        int i = 0;
        while (i < n && line.charAt(i) == '>') {
            i++;
        }
        if (i + 1 >= n) {
            return 0;
        }
        char marker = line.charAt(i);
        if ((marker != '=' && marker != '-' && marker != '*') || line.charAt(i + 1) != marker) {
            return 0;
        }
        i += 2;
        if (isStamp(line, i)) {
            i += STAMP_LENGTH;
        }
        int digits = i;
        while (i < n && isDigit(line.charAt(i))) {
            i++;
        }
        if (i == digits || i + 1 >= n || line.charAt(i) != marker || line.charAt(i + 1) != marker) {
            return 0;
        }
        i += 2;
        return i < n && line.charAt(i) == ' ' ? i + 1 : i;
    }

    /** True for {@code --PID--} lines: valgrind's debug output, never part of an answer. */
    static boolean isDebug(String line, int bodyStart) {
        if (bodyStart == 0) {
            return false;
        }
        int i = 0;
        while (line.charAt(i) == '>') {
            i++;
        }
        return line.charAt(i) == '-';
    }

    private static boolean isStamp(String line, int i) {
        if (i + STAMP_LENGTH > line.length()) {
            return false;
        }
        for (int k = 0; k < STAMP_LENGTH; k++) {
            char c = line.charAt(i + k);
            boolean ok = switch (k) {
                case 2, 5, 8 -> c == ':';
                case 11 -> c == '.';
                case 15 -> c == ' ';
                default -> isDigit(c);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
