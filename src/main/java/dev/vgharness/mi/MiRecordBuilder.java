package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiParser;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Builds the immutable record while the parser runs, from the grammar's actions: finished items pile up on an
 * {@link MiItemStack}. A failed parse simply stops calling it. Reused line after line ({@link #reset}).
 */
final class MiRecordBuilder implements GdbMiParser.Builder {

    private final NameTable nameTable = new NameTable();
    private final MiItemStack items = new MiItemStack();
    private String line = "";
    private boolean ascii;
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
        items.reset();
        this.line = text;
        this.ascii = isAscii;
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
        record = new MiRecord.Result(recordToken, recordClass, items.takeAll());
    }

    @Override
    public void asyncRecord() {
        record = new MiRecord.Async(MiRecord.AsyncKind.of(recordMark), recordToken, recordClass, items.takeAll());
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
        items.push(new MiResult(names[--nameCount], value));
    }

    @Override
    public void open() {
        items.open();
    }

    @Override
    public void constant(Token text) {
        value = new MiConst(string(text));
    }

    @Override
    public void closeTuple() {
        List<MiResult> tupleItems = items.close();
        value = tupleItems.isEmpty() ? MiTuple.EMPTY : new MiTuple(tupleItems);
    }

    @Override
    public void closeList() {
        List<MiResult> listItems = items.close();
        value = listItems.isEmpty() ? MiList.EMPTY : new MiList(listItems);
    }

    /** MI2 multi-location breakpoints: a bare tuple at the top level takes the name of the result before it. */
    @Override
    public void closeBareTopTuple() {
        closeTuple();
        items.push(new MiResult(items.lastName(), value));
    }

    /** The digits before a record's mark, if any. */
    private Optional<Long> token(Token mark) {
        int digits = mark.getStopIndex();
        int start = mark.getStartIndex();
        return digits == start ? Optional.empty() : Optional.of(Long.parseLong(line, start, digits, 10));
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
