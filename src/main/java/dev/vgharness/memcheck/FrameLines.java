package dev.vgharness.memcheck;

/**
 * Parses stack frame lines: {@code    at 0x4841F2F: operator new(unsigned long) (in /usr/lib/x.so)}.
 * The location is the last parenthesised group, found right to left by depth, so C++ names with parentheses,
 * commas and templates stay whole.
 */
final class FrameLines {

    private FrameLines() {
    }

    /** True for a body that starts with {@code "   at 0x"} or {@code "   by 0x"}. */
    static boolean isFrame(String body) {
        return body.length() > 9 && body.startsWith("   ") && body.startsWith(" 0x", 5)
                && ((body.charAt(3) == 'a' && body.charAt(4) == 't') || (body.charAt(3) == 'b' && body.charAt(4) == 'y'));
    }

    /** The frame of a line accepted by {@link #isFrame}, or null when the address is malformed. */
    static StackFrame parse(String body) {
        TextScanner scanner = new TextScanner(body, 6);
        long address = scanner.hexAddress();
        if (address == TextScanner.NONE || !scanner.skip(":")) {
            return null;
        }
        scanner.skipSpaces();
        return describe(address, scanner.rest());
    }

    /** Splits a description such as {@code fn (file.c:12)}, {@code ??? (in /obj)}, {@code fn} or {@code ???}. */
    static StackFrame describe(long address, String description) {
        int open = locationStart(description);
        if (open < 0) {
            return new StackFrame(address, description.isEmpty() ? null : description, null, null, null);
        }
        String function = description.substring(0, open - 1);
        String location = description.substring(open + 1, description.length() - 1);
        if (location.startsWith("in ")) {
            return new StackFrame(address, nullIfEmpty(function), null, null, location.substring(3));
        }
        int colon = location.lastIndexOf(':');
        Integer line = colon > 0 ? parseLine(location, colon + 1) : null;
        if (line == null) {
            return new StackFrame(address, description, null, null, null);
        }
        return new StackFrame(address, nullIfEmpty(function), location.substring(0, colon), line, null);
    }

    /** Index of the {@code (} that opens the trailing location group, or -1 when there is none. */
    private static int locationStart(String description) {
        int end = description.length() - 1;
        if (end < 1 || description.charAt(end) != ')') {
            return -1;
        }
        int depth = 0;
        for (int i = end; i >= 0; i--) {
            char c = description.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i > 0 && description.charAt(i - 1) == ' ' ? i : -1;
            }
        }
        return -1;
    }

    private static Integer parseLine(String location, int from) {
        if (from >= location.length()) {
            return null;
        }
        int value = 0;
        for (int i = from; i < location.length(); i++) {
            char c = location.charAt(i);
            if (!LinePrefix.isDigit(c)) {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }
}
