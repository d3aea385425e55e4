package dev.vgharness.run;

/**
 * Caps text kept in a report, saying where and how much was cut: the first part and the last part stay (a program's
 * last lines of stderr say why it failed), the middle becomes one line
 * {@code [vgharness: 1234567 bytes cut here]}.
 */
final class TextCap {

    /** Per stream of the target (stdout, stderr). */
    static final int TARGET_OUTPUT = 64 * 1024;
    /** Per monitor answer kept in a {@code --transcript}. */
    static final int TRANSCRIPT_ENTRY = 256 * 1024;

    private TextCap() {
    }

    /** The text when it fits in {@code max} characters, else its head (a quarter) and tail with the cut said. */
    static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int head = max / 4;
        int tail = max - head;
        int cut = text.length() - head - tail;
        return text.substring(0, head) + "\n[vgharness: " + cut + " characters cut here]\n"
                + text.substring(text.length() - tail);
    }
}
