package dev.vgharness.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text, or the verdict words in colour: PASS green, FAIL, FAILED and ERROR red. */
enum Style {
    PLAIN, COLOUR;

    private static final Pattern VERDICT = Pattern.compile("(?m)^(\\s*)(PASS|FAILED|FAIL|ERROR)(?=\\s)");
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    /** The text with the verdict word at the start of each line coloured (as it is when plain). */
    String marks(String text) {
        if (this == PLAIN) {
            return text;
        }
        Matcher m = VERDICT.matcher(text);
        StringBuilder coloured = new StringBuilder();
        while (m.find()) {
            String colour = m.group(2).equals("PASS") ? GREEN : RED;
            m.appendReplacement(coloured, Matcher.quoteReplacement(m.group(1) + colour + m.group(2) + RESET));
        }
        m.appendTail(coloured);
        return coloured.toString();
    }
}
