package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Builds the immutable record while the parser runs, from the grammar's actions: items pile up on one stack, and a
 * tuple or list takes back what was pushed since it opened. A failed parse simply stops calling it.
 */
final class MiRecordBuilder implements GdbMiParser.Builder {

    private final String line;
    private final boolean ascii;
    private final List<Object> stack = new ArrayList<>();
    private int[] opened = new int[32];
    private int depth;
    private MiRecord record;

    MiRecordBuilder(String line, boolean ascii) {
        this.line = line;
        this.ascii = ascii;
    }

    MiRecord record() {
        if (record == null) {
            throw new IllegalStateException("no record was built");
        }
        return record;
    }

    @Override
    public void resultRecord(Token token, Token recordClass) {
        record = new MiRecord.Result(token(token), recordClass.getText(), topResults());
    }

    @Override
    public void asyncRecord(Token token, Token mark, Token recordClass) {
        record = new MiRecord.Async(MiRecord.AsyncKind.of(mark.getText().charAt(0)), token(token),
                recordClass.getText(), topResults());
    }

    @Override
    public void streamRecord(Token mark, Token text) {
        record = new MiRecord.Stream(MiRecord.StreamKind.of(mark.getText().charAt(0)), string(text));
    }

    @Override
    public void prompt() {
        record = new MiRecord.Prompt();
    }

    /** MI2 multi-location breakpoints: a bare tuple at the top level takes the name of the result before it. */
    @Override
    public void bareTopTuple() {
        int top = stack.size() - 1;
        String previous = top > 0 ? ((MiResult) stack.get(top - 1)).name() : "";
        stack.set(top, new MiResult(previous, (MiValue) stack.get(top)));
    }

    @Override
    public void result(Token name) {
        int top = stack.size() - 1;
        stack.set(top, new MiResult(name.getText(), (MiValue) stack.get(top)));
    }

    @Override
    public void constant(Token text) {
        stack.add(new MiConst(string(text)));
    }

    @Override
    public void open() {
        if (depth == opened.length) {
            opened = Arrays.copyOf(opened, depth * 2);
        }
        opened[depth++] = stack.size();
    }

    @Override
    public void closeTuple() {
        List<MiResult> items = takeItems();
        stack.add(items.isEmpty() ? MiTuple.EMPTY : new MiTuple(items));
    }

    @Override
    public void closeList() {
        List<MiResult> items = takeItems();
        stack.add(items.isEmpty() ? MiList.EMPTY : new MiList(items));
    }

    @Override
    public void bareItem() {
        int top = stack.size() - 1;
        stack.set(top, new MiResult("", (MiValue) stack.get(top)));
    }

    private List<MiResult> takeItems() {
        int from = opened[--depth];
        List<Object> tail = stack.subList(from, stack.size());
        MiResult[] items = new MiResult[tail.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = (MiResult) tail.get(i);
        }
        tail.clear();
        return Arrays.asList(items);
    }

    private List<MiResult> topResults() {
        List<MiResult> results = new ArrayList<>(stack.size());
        for (Object item : stack) {
            results.add((MiResult) item);
        }
        stack.clear();
        return results;
    }

    private static Optional<Long> token(Token token) {
        return token == null ? Optional.empty() : Optional.of(Long.parseLong(token.getText()));
    }

    private String string(Token token) {
        if (ascii && token instanceof MiTokenizer.MiToken t && !t.escaped()) {
            return line.substring(token.getStartIndex() + 1, token.getStopIndex());
        }
        return CStrings.decode(line, token.getStartIndex(), token.getStopIndex());
    }
}
