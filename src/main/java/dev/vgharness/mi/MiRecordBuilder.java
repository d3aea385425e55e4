package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiParser;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Builds the immutable record while the parser runs, from the grammar's actions: finished items pile up on one
 * array stack, and a tuple or list takes back what was pushed since it opened. A failed parse simply stops calling
 * it. Reused line after line ({@link #reset}).
 */
final class MiRecordBuilder implements GdbMiParser.Builder {

    private static final Optional<Long> NO_TOKEN = Optional.empty();

    private final NameTable nameTable = new NameTable();
    private String line = "";
    private boolean ascii;
    /** Finished items of the open tuples and lists and of the record's top level, outermost first. */
    private MiResult[] items = new MiResult[64];
    private int size;
    /** How far up {@link #items} was used this line: cleared once per line, not at every pop. */
    private int used;
    /** Where each open tuple or list starts in {@link #items}. */
    private int[] opened = new int[32];
    private int depth;
    /** The names given to the values being built, innermost last. */
    private String[] names = new String[32];
    private int nameCount;
    /** The value just built, until item() names it. */
    private MiValue value;
    private char recordMark;
    private Optional<Long> recordToken;
    private String recordClass;
    private MiRecord record;

    /** Starts a line; {@code ascii} says that no char is 0x80 or above, so unescaped strings are plain copies. */
    void reset(String text, boolean isAscii) {
        Arrays.fill(items, 0, Math.max(used, size), null);
        this.used = 0;
        this.line = text;
        this.ascii = isAscii;
        this.size = 0;
        this.depth = 0;
        this.nameCount = 0;
        this.value = null;
        this.record = null;
    }

    MiRecord record() {
        if (record == null) {
            throw new IllegalStateException("no record was built");
        }
        return record;
    }

    @Override
    public void recordStart(Token mark, Token recordClassToken) {
        recordMark = line.charAt(mark.getStopIndex());
        recordToken = token(mark);
        recordClass = name(recordClassToken, 0);
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
    public void name(Token name) {
        if (nameCount == names.length) {
            names = Arrays.copyOf(names, nameCount * 2);
        }
        names[nameCount++] = name == null ? "" : name(name, 1);
    }

    @Override
    public void item() {
        push(new MiResult(names[--nameCount], value));
    }

    @Override
    public void open() {
        if (depth == opened.length) {
            opened = Arrays.copyOf(opened, depth * 2);
        }
        opened[depth++] = size;
    }

    @Override
    public void constant(Token text) {
        value = new MiConst(string(text));
    }

    @Override
    public void closeTuple() {
        List<MiResult> tupleItems = takeItems(opened[--depth]);
        value = tupleItems.isEmpty() ? MiTuple.EMPTY : new MiTuple(tupleItems);
    }

    @Override
    public void closeList() {
        List<MiResult> listItems = takeItems(opened[--depth]);
        value = listItems.isEmpty() ? MiList.EMPTY : new MiList(listItems);
    }

    /** MI2 multi-location breakpoints: a bare tuple at the top level takes the name of the result before it. */
    @Override
    public void closeBareTopTuple() {
        closeTuple();
        push(new MiResult(size > 0 ? items[size - 1].name() : "", value));
    }

    private void push(MiResult item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = item;
    }

    /** Pops the items from {@code from} up as an immutable list, built with one array copy where it can be. */
    private List<MiResult> takeItems(int from) {
        MiResult[] s = items;
        int n = size - from;
        List<MiResult> list = switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(s[from]);
            case 2 -> List.of(s[from], s[from + 1]);
            case 3 -> List.of(s[from], s[from + 1], s[from + 2]);
            case 4 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3]);
            case 5 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4]);
            case 6 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4], s[from + 5]);
            case 7 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4], s[from + 5], s[from + 6]);
            case 8 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4], s[from + 5], s[from + 6],
                    s[from + 7]);
            default -> List.of(Arrays.copyOfRange(s, from, size));
        };
        used = Math.max(used, size);
        size = from;
        return list;
    }

    /** The digits before a record's mark, if any. */
    private Optional<Long> token(Token mark) {
        int digits = mark.getStopIndex();
        int start = mark.getStartIndex();
        return digits == start ? NO_TOKEN : Optional.of(Long.parseLong(line, start, digits, 10));
    }

    /** The token's text without its last {@code trim} characters ("frame=" gives "frame"). */
    private String name(Token token, int trim) {
        int from = token.getStartIndex();
        int to = token.getStopIndex() + 1 - trim;
        int hash = token instanceof MiToken t ? t.nameHash() : line.substring(from, to).hashCode();
        return nameTable.name(line, from, to, hash);
    }

    private String string(Token token) {
        if (ascii && token instanceof MiToken t && !t.escaped()) {
            return line.substring(token.getStartIndex() + 1, token.getStopIndex());
        }
        return CStrings.decode(line, token.getStartIndex(), token.getStopIndex());
    }
}
