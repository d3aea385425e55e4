package dev.vgharness.report;

/**
 * Escaping for text and attribute values in HTML: every string from the target, the plan or valgrind goes through
 * here, so {@code <script>} in a function name or a path is shown, never run.
 */
final class Html {

    private Html() {
    }

    /** {@code <a href="x">} becomes {@code &lt;a href=&quot;x&quot;&gt;}; also safe inside quoted attributes. */
    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append("&#xFFFD;");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
