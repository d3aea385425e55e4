package dev.vgharness.mi;

import java.util.ArrayDeque;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The fast path's token stream: the grammar is LL(1), so the parser only ever asks for the current token and the
 * one before it (for a rule's stop), and the grammar's actions read a token right after it is matched. So a ring of
 * a few token objects serves a whole line: a 500 KB record allocates no tokens and keeps no token list alive.
 * Looking further ahead works (with fresh tokens) but going back does not.
 */
final class LineTokenStream implements TokenStream {

    /** Tokens consumed this many steps ago are overwritten; actions run long before that. */
    private static final int RING = 8;

    private final MiTokenizer tokenizer;
    private final MiToken[] ring = new MiToken[RING];
    /** Tokens read ahead by LT(k > 1); empty in an LL(1) parse. */
    private final ArrayDeque<MiToken> ahead = new ArrayDeque<>();
    private MiToken previous;
    private MiToken current;
    private int index;

    LineTokenStream(MiTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        for (int i = 0; i < RING; i++) {
            ring[i] = new MiToken(tokenizer);
        }
        restart();
    }

    /** Starts over on the tokenizer's new line. */
    void restart() {
        ahead.clear();
        previous = null;
        index = 0;
        current = tokenizer.next(ring[0]);
    }

    @Override
    public Token LT(int k) {
        if (k == 1) {
            return current;
        }
        if (k == -1) {
            return previous;
        }
        if (k < 1) {
            throw new UnsupportedOperationException("cannot look back " + -k + " tokens");
        }
        while (ahead.size() < k - 1) {
            MiToken last = ahead.isEmpty() ? current : ahead.peekLast();
            ahead.addLast(last.getType() == Token.EOF ? last : tokenizer.nextToken());
        }
        int i = 2;
        for (MiToken t : ahead) {
            if (i++ == k) {
                return t;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    @Override
    public int LA(int i) {
        return i == 1 ? current.getType() : LT(i).getType();
    }

    @Override
    public void consume() {
        if (current.getType() == Token.EOF) {
            throw new IllegalStateException("cannot consume EOF");
        }
        previous = current;
        index++;
        current = ahead.isEmpty() ? tokenizer.next(ring[index & (RING - 1)]) : ahead.removeFirst();
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // Nothing is buffered.
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int to) {
        if (to != index) {
            throw new UnsupportedOperationException("an unbuffered stream cannot seek from " + index + " to " + to);
        }
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("an unbuffered stream has no size");
    }

    @Override
    public String getSourceName() {
        return tokenizer.getSourceName();
    }

    @Override
    public Token get(int i) {
        throw new UnsupportedOperationException("an unbuffered stream keeps no tokens");
    }

    @Override
    public TokenSource getTokenSource() {
        return tokenizer;
    }

    @Override
    public String getText(Interval interval) {
        throw new UnsupportedOperationException("an unbuffered stream keeps no tokens");
    }

    @Override
    public String getText() {
        return tokenizer.line();
    }

    @Override
    public String getText(RuleContext ctx) {
        return ctx.getText();
    }

    @Override
    public String getText(Token start, Token stop) {
        return tokenizer.line().substring(start.getStartIndex(), stop.getStopIndex() + 1);
    }
}
