package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiParser.AsyncRecordContext;
import dev.vgharness.mi.antlr.GdbMiParser.BareItemContext;
import dev.vgharness.mi.antlr.GdbMiParser.BareTopTupleContext;
import dev.vgharness.mi.antlr.GdbMiParser.ConstValueContext;
import dev.vgharness.mi.antlr.GdbMiParser.ListContext;
import dev.vgharness.mi.antlr.GdbMiParser.PromptContext;
import dev.vgharness.mi.antlr.GdbMiParser.ResultContext;
import dev.vgharness.mi.antlr.GdbMiParser.ResultRecordContext;
import dev.vgharness.mi.antlr.GdbMiParser.StreamRecordContext;
import dev.vgharness.mi.antlr.GdbMiParser.TupleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the immutable record while the parser runs (a parse listener over labelled tokens), so no parse tree is
 * ever kept. Items pile up on one stack; a tuple or list takes back what was pushed since it opened.
 */
final class MiRecordBuilder implements ParseTreeListener {

    private final String line;
    private final List<Object> stack = new ArrayList<>();
    private final int[] opened = new int[64];
    private int[] openedStack = opened;
    private int depth;
    private MiRecord record;
    private boolean abandoned;

    MiRecordBuilder(String line) {
        this.line = line;
    }

    MiRecord record() {
        if (record == null) {
            throw new IllegalStateException("no record was built");
        }
        return record;
    }

    /**
     * Called when the parse fails: the rules that unwind still fire their exit events, and must not touch the
     * half-built stack.
     */
    void abandon() {
        abandoned = true;
    }

    @Override
    public void enterEveryRule(ParserRuleContext ctx) {
        if (abandoned) {
            return;
        }
        if (ctx instanceof TupleContext || ctx instanceof ListContext) {
            if (depth == openedStack.length) {
                openedStack = java.util.Arrays.copyOf(openedStack, depth * 2);
            }
            openedStack[depth++] = stack.size();
        }
    }

    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
        if (abandoned) {
            return;
        }
        if (ctx instanceof ConstValueContext c) {
            stack.add(new MiConst(string(c.text)));
        } else if (ctx instanceof ResultContext r) {
            stack.set(stack.size() - 1, new MiResult(r.name.getText(), (MiValue) stack.get(stack.size() - 1)));
        } else if (ctx instanceof BareItemContext) {
            stack.set(stack.size() - 1, new MiResult("", (MiValue) stack.get(stack.size() - 1)));
        } else if (ctx instanceof TupleContext) {
            List<MiResult> items = takeItems();
            stack.add(items.isEmpty() ? MiTuple.EMPTY : new MiTuple(items));
        } else if (ctx instanceof ListContext) {
            List<MiResult> items = takeItems();
            stack.add(items.isEmpty() ? MiList.EMPTY : new MiList(items));
        } else if (ctx instanceof BareTopTupleContext) {
            nameBareTopTuple();
        } else {
            exitLine(ctx);
        }
    }

    private void exitLine(ParserRuleContext ctx) {
        if (ctx instanceof ResultRecordContext r) {
            record = new MiRecord.Result(token(r.token), r.recordClass.getText(), topResults());
        } else if (ctx instanceof AsyncRecordContext a) {
            record = new MiRecord.Async(MiRecord.AsyncKind.of(a.mark.getText().charAt(0)), token(a.token),
                    a.recordClass.getText(), topResults());
        } else if (ctx instanceof StreamRecordContext s) {
            record = new MiRecord.Stream(MiRecord.StreamKind.of(s.mark.getText().charAt(0)), string(s.text));
        } else if (ctx instanceof PromptContext) {
            record = new MiRecord.Prompt();
        }
    }

    /** MI2 multi-location breakpoints: a bare tuple at the top level takes the name of the result before it. */
    private void nameBareTopTuple() {
        int top = stack.size() - 1;
        String previous = top > 0 ? ((MiResult) stack.get(top - 1)).name() : "";
        stack.set(top, new MiResult(previous, (MiValue) stack.get(top)));
    }

    private List<MiResult> takeItems() {
        int from = openedStack[--depth];
        List<Object> tail = stack.subList(from, stack.size());
        List<MiResult> items = new ArrayList<>(tail.size());
        for (Object item : tail) {
            items.add((MiResult) item);
        }
        tail.clear();
        return items;
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
        return CStrings.decode(line, token.getStartIndex(), token.getStopIndex());
    }

    @Override
    public void visitTerminal(TerminalNode node) {
        // Tokens are read from the labels when their rule exits.
    }

    @Override
    public void visitErrorNode(ErrorNode node) {
        // Errors end the parse before any value is used.
    }
}
