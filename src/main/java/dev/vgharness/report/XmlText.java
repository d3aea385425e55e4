package dev.vgharness.report;

/**
 * Text that XML 1.0 can carry: characters it forbids (most control characters, lone surrogates, U+FFFE/U+FFFF) are
 * written as {@code &#27;}, as text, so that a target printing {@code \033[31m} cannot break the report.
 */
final class XmlText {

    private XmlText() {
    }

    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = allowed(c) && !(Character.isSurrogate(c) && !pairedAt(text, i));
            if (!ok && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.append(c);
                } else {
                    out.append("&#").append((int) c).append(';');
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD);
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
