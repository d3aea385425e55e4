package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiParser;
import dev.vgharness.mi.antlr.GdbMiParser.AsyncRecordContext;
import dev.vgharness.mi.antlr.GdbMiParser.BareItemContext;
import dev.vgharness.mi.antlr.GdbMiParser.BareTopTupleContext;
import dev.vgharness.mi.antlr.GdbMiParser.ConstValueContext;
import dev.vgharness.mi.antlr.GdbMiParser.ItemContext;
import dev.vgharness.mi.antlr.GdbMiParser.ListValueContext;
import dev.vgharness.mi.antlr.GdbMiParser.NamedItemContext;
import dev.vgharness.mi.antlr.GdbMiParser.NamedTopItemContext;
import dev.vgharness.mi.antlr.GdbMiParser.PromptContext;
import dev.vgharness.mi.antlr.GdbMiParser.ResultContext;
import dev.vgharness.mi.antlr.GdbMiParser.ResultRecordContext;
import dev.vgharness.mi.antlr.GdbMiParser.StreamRecordContext;
import dev.vgharness.mi.antlr.GdbMiParser.TopItemContext;
import dev.vgharness.mi.antlr.GdbMiParser.TupleValueContext;
import dev.vgharness.mi.antlr.GdbMiParser.ValueContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns a parse tree of one line into immutable records; fails loudly on a rule it does not know. */
final class MiTreeBuilder {

    private final String line;

    MiTreeBuilder(String line) {
        this.line = line;
    }

    MiRecord record(GdbMiParser.LineContext ctx) {
        if (ctx instanceof ResultRecordContext r) {
            return new MiRecord.Result(token(r.TOKEN()), r.IDENT().getText(), topItems(r.topItem()));
        }
        if (ctx instanceof AsyncRecordContext a) {
            return new MiRecord.Async(MiRecord.AsyncKind.of(a.mark.getText().charAt(0)), token(a.TOKEN()),
                    a.IDENT().getText(), topItems(a.topItem()));
        }
        if (ctx instanceof StreamRecordContext s) {
            return new MiRecord.Stream(MiRecord.StreamKind.of(s.mark.getText().charAt(0)), string(s.STRING().getSymbol()));
        }
        if (ctx instanceof PromptContext) {
            return new MiRecord.Prompt();
        }
        throw new IllegalStateException("unhandled rule " + ctx.getClass().getSimpleName());
    }

    private static Optional<Long> token(TerminalNode token) {
        return token == null ? Optional.empty() : Optional.of(Long.parseLong(token.getText()));
    }

    /** MI2 multi-location breakpoints: a bare tuple takes the name of the result before it. */
    private List<MiResult> topItems(List<TopItemContext> items) {
        List<MiResult> results = new ArrayList<>(items.size());
        String previous = "";
        for (TopItemContext item : items) {
            if (item instanceof NamedTopItemContext named) {
                MiResult r = result(named.result());
                previous = r.name();
                results.add(r);
            } else if (item instanceof BareTopTupleContext bare) {
                results.add(new MiResult(previous, tuple(bare.tuple())));
            } else {
                throw new IllegalStateException("unhandled rule " + item.getClass().getSimpleName());
            }
        }
        return results;
    }

    private MiResult result(ResultContext ctx) {
        return new MiResult(ctx.IDENT().getText(), value(ctx.value()));
    }

    private MiValue value(ValueContext ctx) {
        if (ctx instanceof ConstValueContext c) {
            return new MiConst(string(c.STRING().getSymbol()));
        }
        if (ctx instanceof TupleValueContext t) {
            return tuple(t.tuple());
        }
        if (ctx instanceof ListValueContext l) {
            List<ItemContext> items = l.list().item();
            return items.isEmpty() ? MiList.EMPTY : new MiList(items(items));
        }
        throw new IllegalStateException("unhandled rule " + ctx.getClass().getSimpleName());
    }

    private MiTuple tuple(GdbMiParser.TupleContext ctx) {
        List<ItemContext> items = ctx.item();
        return items.isEmpty() ? MiTuple.EMPTY : new MiTuple(items(items));
    }

    private List<MiResult> items(List<ItemContext> items) {
        List<MiResult> results = new ArrayList<>(items.size());
        for (ItemContext item : items) {
            if (item instanceof NamedItemContext named) {
                results.add(result(named.result()));
            } else if (item instanceof BareItemContext bare) {
                results.add(new MiResult("", value(bare.value())));
            } else {
                throw new IllegalStateException("unhandled rule " + item.getClass().getSimpleName());
            }
        }
        return results;
    }

    private String string(Token token) {
        return CStrings.decode(line, token.getStartIndex(), token.getStopIndex());
    }
}
