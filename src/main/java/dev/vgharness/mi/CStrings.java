package dev.vgharness.mi;

import java.nio.charset.StandardCharsets;

/**
 * C strings as gdb writes them in MI ({@code printchar} in gdb's utils.c): {@code \n \t \r \b \f}, GNU {@code \e}
 * and {@code \a}, {@code \" \\}, and 3-digit octal for other bytes. The text handed in holds one byte per char
 * (ISO-8859-1), so raw high bytes (sevenbit-strings off) and octal escapes meet as bytes and are decoded together
 * as UTF-8, with U+FFFD for invalid sequences.
 */
public final class CStrings {

    private CStrings() {
    }

    /** Decodes the characters strictly between {@code open} and {@code close} (the two quotes). */
    public static String decode(String line, int open, int close) {
        int from = open + 1;
        byte[] bytes = new byte[close - from];
        copyBytes(line, from, close, bytes);
        int n = unescape(bytes);
        // Plain ASCII, the common case, goes through the decoder's vectorised check and one copy.
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /** Each char's low byte: one array copy for a String read as ISO-8859-1 (one byte per char). */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is exactly this copy
    private static void copyBytes(String line, int from, int to, byte[] bytes) {
        line.getBytes(from, to, bytes, 0);
    }

    /** Decodes the escapes in place (the text only shrinks) and returns the new length. */
    private static int unescape(byte[] bytes) {
        return unescape(bytes, 0, bytes.length, bytes);
    }

    /**
     * Decodes the escapes of {@code bytes[from, to)} into {@code out} from index 0 and returns the length written;
     * {@code out} may be {@code bytes} itself with {@code from} 0, as the text only shrinks.
     */
    static int unescape(byte[] bytes, int from, int to, byte[] out) {
        int i = from;
        int n = 0;
        while (i < to) {
            byte c = bytes[i++];
            if (c != '\\' || i >= to) {
                out[n++] = c;
                continue;
            }
            char e = (char) (bytes[i++] & 0xFF);
            if (e >= '0' && e <= '7') {
                int value = e - '0';
                for (int digits = 1; digits < 3 && i < to && isOctal((char) bytes[i]); digits++) {
                    value = value * 8 + (bytes[i++] - '0');
                }
                out[n++] = (byte) value;
            } else if (e == 'x' && i < to && hexDigit(bytes[i]) >= 0) {
                int value = 0;
                while (i < to && hexDigit(bytes[i]) >= 0) {
                    value = value * 16 + hexDigit(bytes[i++]);
                }
                out[n++] = (byte) value;
            } else {
                out[n++] = (byte) simpleEscape(e);
            }
        }
        return n;
    }

    private static int hexDigit(byte b) {
        return b < 0 ? -1 : Character.digit((char) b, 16);
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static char simpleEscape(char e) {
        return switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'e' -> '\033';
            case 'a' -> '\007';
            case 'v' -> '\013';
            // \" \\ \' \? and anything unknown stand for themselves, as in C.
            default -> e;
        };
    }

    /** Quotes a Java string as an MI command argument: {@code "a \"b\""}. Non-ASCII goes out as UTF-8. */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A line read as ISO-8859-1 (one char per byte) turned back into text, for raw non-MI lines. */
    public static String latin1ToUtf8(String bytesAsChars) {
        for (int i = 0; i < bytesAsChars.length(); i++) {
            if (bytesAsChars.charAt(i) >= 0x80) {
                return new String(bytesAsChars.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return bytesAsChars;
    }
}
