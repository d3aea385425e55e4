package dev.vgharness.mi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The fast path: GdbMi.g4's {@code line} rule written out by hand as a recursive descent over the line's bytes,
 * building the record as it goes. It takes stream records, prompts, and result and async records, and for anything
 * it does not take whole (a syntax error, a token too long for a long, nesting deeper than
 * {@link MiTokenizer#MAX_DEPTH}, a line that is not MI) it answers null, so that {@link MiParser} lets the
 * grammar decide and name the error's position. Whatever it answers equals what the grammar builds
 * ({@code MiFastParserDifferentialTest}). Not thread-safe; reused line after line.
 */
final class MiFastParser {

    private static final MiRecord.Prompt PROMPT = new MiRecord.Prompt();
    /** Digits beyond this many may not fit a long: the grammar path reports them. */
    private static final int MAX_TOKEN_DIGITS = 18;
    private static final boolean[] IDENTIFIER_PART = new boolean[128];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    static {
        for (char c = 0; c < 128; c++) {
            IDENTIFIER_PART[c] = isIdentifierStart((byte) c) || (c >= '0' && c <= '9') || c == '-';
        }
    }

    private final NameTable names = new NameTable();
    private final MiItemStack items = new MiItemStack();
    private byte[] line = new byte[0];
    private int length;
    private boolean ascii;
    private int position;
    private int depth;
    /** Whether the string last scanned holds a backslash. */
    private boolean escaped;
    private byte[] unescaped = new byte[256];

    /** The line's record, or null when the grammar must decide. */
    MiRecord parse(LineBytes bytes) {
        line = bytes.bytes();
        length = bytes.length();
        ascii = bytes.ascii();
        if (length == 0) {
            return null;
        }
        byte first = line[0];
        if (first == '~' || first == '@' || first == '&') {
            return stream((char) first);
        }
        return first == '(' ? prompt() : record();
    }

    private MiRecord stream(char mark) {
        if (length < 2 || line[1] != '"' || closingQuote(1) != length - 1) {
            return null;
        }
        return new MiRecord.Stream(MiRecord.StreamKind.of(mark), text(1, length - 1));
    }

    /** "(gdb)" and spaces only; any other blank is left to {@link MiParser}. */
    private MiRecord prompt() {
        if (length < 5 || line[1] != 'g' || line[2] != 'd' || line[3] != 'b' || line[4] != ')') {
            return null;
        }
        for (int i = 5; i < length; i++) {
            if (line[i] != ' ') {
                return null;
            }
        }
        return PROMPT;
    }

    private MiRecord record() {
        int marked = skipDigits();
        if (marked >= length || marked > MAX_TOKEN_DIGITS || !isRecordMark(line[marked])) {
            return null;
        }
        position = marked + 1;
        String recordClass = identifier();
        if (recordClass == null || (position < length && line[position] == '=')) {
            return null;
        }
        items.reset();
        depth = 0;
        while (position < length) {
            if (line[position++] != ',' || !topItem()) {
                return null;
            }
        }
        Optional<Long> token = marked == 0 ? Optional.empty() : Optional.of(digits(marked));
        char mark = (char) line[marked];
        return mark == '^' ? new MiRecord.Result(token, recordClass, items.takeAll())
                : new MiRecord.Async(MiRecord.AsyncKind.of(mark), token, recordClass, items.takeAll());
    }

    /** A named result, or (MI2 multi-location breakpoints) a bare tuple named after the result before it. */
    private boolean topItem() {
        if (position < length && line[position] == '{') {
            MiValue tuple = container('}');
            if (tuple == null) {
                return false;
            }
            items.push(new MiResult(items.lastName(), tuple));
            return true;
        }
        String name = nameAndEquals();
        return name != null && pushValue(name);
    }

    /** A tuple or list element: a result, or (quirks 8, 11) a bare value. */
    private boolean item() {
        if (position < length && isIdentifierStart(line[position])) {
            String name = nameAndEquals();
            return name != null && pushValue(name);
        }
        return pushValue("");
    }

    private boolean pushValue(String name) {
        MiValue value = value();
        if (value == null) {
            return false;
        }
        items.push(new MiResult(name, value));
        return true;
    }

    private MiValue value() {
        if (position >= length) {
            return null;
        }
        return switch (line[position]) {
            case '"' -> constant();
            case '{' -> container('}');
            case '[' -> container(']');
            default -> null;
        };
    }

    private MiValue constant() {
        int close = closingQuote(position);
        if (close < 0) {
            return null;
        }
        String text = text(position, close);
        position = close + 1;
        return new MiConst(text);
    }

    /** A tuple or list: items separated by commas up to {@code close}. */
    private MiValue container(char close) {
        if (++depth > MiTokenizer.MAX_DEPTH) {
            return null;
        }
        position++;
        items.open();
        if (position < length && line[position] == close) {
            position++;
        } else if (!itemsUpTo(close)) {
            return null;
        }
        depth--;
        List<MiResult> content = items.close();
        if (close == '}') {
            return content.isEmpty() ? MiTuple.EMPTY : new MiTuple(content);
        }
        return content.isEmpty() ? MiList.EMPTY : new MiList(content);
    }

    private boolean itemsUpTo(char close) {
        while (item()) {
            if (position >= length) {
                return false;
            }
            byte next = line[position++];
            if (next == close) {
                return true;
            }
            if (next != ',') {
                return false;
            }
        }
        return false;
    }

    /** "frame=" gives "frame"; null when no identifier and '=' are here. */
    private String nameAndEquals() {
        String name = identifier();
        if (name == null || position >= length || line[position] != '=') {
            return null;
        }
        position++;
        return name;
    }

    /** The identifier at the position (hashed as String.hashCode would, for the name table), or null. */
    private String identifier() {
        int start = position;
        if (start >= length || !isIdentifierStart(line[start])) {
            return null;
        }
        int hash = line[start];
        int i = start + 1;
        while (i < length) {
            byte c = line[i];
            if (c < 0 || !IDENTIFIER_PART[c]) {
                break;
            }
            hash = 31 * hash + c;
            i++;
        }
        position = i;
        return names.name(line, start, i, hash);
    }

    /** The index of the quote that closes the string opened at {@code open}, or -1; sets {@link #escaped}. */
    private int closingQuote(int open) {
        boolean backslash = false;
        byte[] b = line;
        int n = length;
        int i = open + 1;
        while (true) {
            i = nextQuoteOrBackslash(b, i, n);
            if (i >= n) {
                return -1;
            }
            if (b[i] == '"') {
                escaped = backslash;
                return i;
            }
            backslash = true;
            i += 2;
        }
    }

    /**
     * The first quote or backslash at or after {@code from} ({@code n}: none), eight bytes at a time: a byte equal
     * to the one searched is a zero byte of the XOR, and the lowest bit the classic zero-byte test sets is exact.
     */
    private static int nextQuoteOrBackslash(byte[] b, int from, int n) {
        int i = from;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        while (i < n && b[i] != '"' && b[i] != '\\') {
            i++;
        }
        return i;
    }

    private static long zeroBytes(long word) {
        return (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
    }

    /** The decoded text strictly between the quotes at {@code open} and {@code close}. */
    private String text(int open, int close) {
        int from = open + 1;
        int count = close - from;
        if (!escaped) {
            return new String(line, from, count, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        if (unescaped.length < count) {
            unescaped = new byte[Math.max(count, unescaped.length * 2)];
        }
        int n = CStrings.unescape(line, from, close, unescaped);
        return new String(unescaped, 0, n, StandardCharsets.UTF_8);
    }

    private int skipDigits() {
        int i = 0;
        while (i < length && line[i] >= '0' && line[i] <= '9') {
            i++;
        }
        return i;
    }

    private long digits(int end) {
        long value = 0;
        for (int i = 0; i < end; i++) {
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }

    private static boolean isRecordMark(byte c) {
        return c == '^' || c == '*' || c == '+' || c == '=';
    }

    private static boolean isIdentifierStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
