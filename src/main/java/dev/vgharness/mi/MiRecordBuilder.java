package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiParser;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Builds the immutable record while the parser runs, from the grammar's actions: items pile up on one array stack,
 * and a tuple or list takes back what was pushed since it opened. A failed parse simply stops calling it. Reused
 * line after line ({@link #reset}).
 */
final class MiRecordBuilder implements GdbMiParser.Builder {

    private static final Optional<Long> NO_TOKEN = Optional.empty();

    private final NameTable nameTable = new NameTable();
    private String line = "";
    private boolean ascii;
    /** Finished items (MiResult), and on top the value just built (MiValue) until item() names it. */
    private Object[] stack = new Object[64];
    private int size;
    private int[] opened = new int[32];
    private int depth;
    /** The names given to the values being built, innermost last. */
    private String[] names = new String[32];
    private int nameCount;
    private char recordMark;
    private Optional<Long> recordToken;
    private String recordClass;
    private MiRecord record;

    /** Starts a line; {@code ascii} says that no char is 0x80 or above, so unescaped strings are plain copies. */
    void reset(String text, boolean isAscii) {
        Arrays.fill(stack, 0, size, null);
        this.line = text;
        this.ascii = isAscii;
        this.size = 0;
        this.depth = 0;
        this.nameCount = 0;
        this.record = null;
    }

    MiRecord record() {
        if (record == null) {
            throw new IllegalStateException("no record was built");
        }
        return record;
    }

    @Override
    public void recordStart(Token mark, Token recordClass) {
        recordMark = line.charAt(mark.getStopIndex());
        recordToken = token(mark);
        this.recordClass = name(recordClass, 0);
    }

    @Override
    public void resultRecord() {
        record = new MiRecord.Result(recordToken, recordClass, takeItems(0));
    }

    @Override
    public void asyncRecord() {
        record = new MiRecord.Async(MiRecord.AsyncKind.of(recordMark), recordToken, recordClass, takeItems(0));
    }

    @Override
    public void streamRecord(Token mark, Token text) {
        record = new MiRecord.Stream(MiRecord.StreamKind.of(line.charAt(mark.getStartIndex())), string(text));
    }

    @Override
    public void prompt() {
        record = new MiRecord.Prompt();
    }

    @Override
    public void open() {
        if (depth == opened.length) {
            opened = Arrays.copyOf(opened, depth * 2);
        }
        opened[depth++] = size;
    }

    @Override
    public void name(Token name) {
        if (nameCount == names.length) {
            names = Arrays.copyOf(names, nameCount * 2);
        }
        names[nameCount++] = name == null ? "" : name(name, 1);
    }

    @Override
    public void item() {
        stack[size - 1] = new MiResult(names[--nameCount], (MiValue) stack[size - 1]);
    }

    @Override
    public void constant(Token text) {
        push(new MiConst(string(text)));
    }

    @Override
    public void closeTuple() {
        List<MiResult> items = takeItems(opened[--depth]);
        push(items.isEmpty() ? MiTuple.EMPTY : new MiTuple(items));
    }

    @Override
    public void closeList() {
        List<MiResult> items = takeItems(opened[--depth]);
        push(items.isEmpty() ? MiList.EMPTY : new MiList(items));
    }

    /** MI2 multi-location breakpoints: a bare tuple at the top level takes the name of the result before it. */
    @Override
    public void closeBareTopTuple() {
        closeTuple();
        String previous = size > 1 ? ((MiResult) stack[size - 2]).name() : "";
        stack[size - 1] = new MiResult(previous, (MiValue) stack[size - 1]);
    }

    private void push(Object item) {
        if (size == stack.length) {
            stack = Arrays.copyOf(stack, size * 2);
        }
        stack[size++] = item;
    }

    /** Pops the items from {@code from} up as an immutable list, built with one array copy where it can be. */
    private List<MiResult> takeItems(int from) {
        Object[] s = stack;
        int n = size - from;
        List<MiResult> items = switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(r(s, from));
            case 2 -> List.of(r(s, from), r(s, from + 1));
            case 3 -> List.of(r(s, from), r(s, from + 1), r(s, from + 2));
            case 4 -> List.of(r(s, from), r(s, from + 1), r(s, from + 2), r(s, from + 3));
            case 5 -> List.of(r(s, from), r(s, from + 1), r(s, from + 2), r(s, from + 3), r(s, from + 4));
            case 6 -> List.of(r(s, from), r(s, from + 1), r(s, from + 2), r(s, from + 3), r(s, from + 4),
                    r(s, from + 5));
            case 7 -> List.of(r(s, from), r(s, from + 1), r(s, from + 2), r(s, from + 3), r(s, from + 4),
                    r(s, from + 5), r(s, from + 6));
            case 8 -> List.of(r(s, from), r(s, from + 1), r(s, from + 2), r(s, from + 3), r(s, from + 4),
                    r(s, from + 5), r(s, from + 6), r(s, from + 7));
            default -> List.of(Arrays.copyOfRange(s, from, size, MiResult[].class));
        };
        Arrays.fill(s, from, size, null);
        size = from;
        return items;
    }

    private static MiResult r(Object[] stack, int i) {
        return (MiResult) stack[i];
    }

    /** The digits before a record's mark, if any. */
    private Optional<Long> token(Token mark) {
        int digits = mark.getStopIndex();
        int start = mark.getStartIndex();
        return digits == start ? NO_TOKEN : Optional.of(Long.parseLong(line, start, digits, 10));
    }

    /** The token's text without its last {@code trim} characters ("frame=" gives "frame"). */
    private String name(Token token, int trim) {
        return nameTable.name(line, token.getStartIndex(), token.getStopIndex() + 1 - trim);
    }

    private String string(Token token) {
        if (ascii && token instanceof MiToken t && !t.escaped()) {
            return line.substring(token.getStartIndex() + 1, token.getStopIndex());
        }
        return CStrings.decode(line, token.getStartIndex(), token.getStopIndex());
    }
}
