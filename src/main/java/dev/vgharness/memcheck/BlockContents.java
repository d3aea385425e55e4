package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.util.HexFormat;

/**
 * The first bytes of a block as read from the stopped target, for a person to recognise what leaked:
 * {@code hex: "07 00 00 00 68 6f 73 74"}, {@code text: "....host"} (printable ASCII as is, anything else a dot).
 */
public record BlockContents(String hex, String text) {

    /** The most bytes read of one block ({@code contents: 4096}): a preview, not a dump. */
    public static final int MAX_BYTES = 4096;

    public BlockContents {
        requireNonNull(hex, "hex is null");
        requireNonNull(text, "text is null");
    }

    public static BlockContents of(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return new BlockContents(HexFormat.ofDelimiter(" ").formatHex(bytes), text.toString());
    }

    /** At most {@code width} characters of the text, with {@code …} when cut: for a table column. */
    public String preview(int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
