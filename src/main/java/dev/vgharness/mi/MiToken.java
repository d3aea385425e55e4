package dev.vgharness.mi;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * A token of one line, such as {@code frame=} or {@code "main"}: type and span only, lighter than ANTLR's
 * CommonToken (no text copy, no line lookup), and it knows whether its C string holds an escape, so plain strings
 * skip the decoder's scan. Mutable, so that the fast path's stream can reuse a few token objects for a whole line
 * ({@link LineTokenStream}).
 */
final class MiToken implements Token {

    private final MiTokenizer source;
    private String line;
    private int type;
    private int start;
    private int stop;
    private boolean escaped;
    private int hash;

    MiToken(MiTokenizer source) {
        this.source = source;
    }

    MiToken set(int tokenType, int startIndex, int stopIndex, boolean hasEscape, int nameHash) {
        this.hash = nameHash;
        this.line = source.line();
        this.type = tokenType;
        this.start = startIndex;
        this.stop = stopIndex;
        this.escaped = hasEscape;
        return this;
    }

    boolean escaped() {
        return escaped;
    }

    /** For an identifier or NAME_EQ: the name's String.hashCode (without the '='). */
    int nameHash() {
        return hash;
    }

    String line() {
        return line;
    }

    @Override
    public String getText() {
        return type == EOF ? "<EOF>" : line.substring(start, stop + 1);
    }

    @Override
    public int getType() {
        return type;
    }

    @Override
    public int getLine() {
        return 1;
    }

    @Override
    public int getCharPositionInLine() {
        return start;
    }

    @Override
    public int getChannel() {
        return DEFAULT_CHANNEL;
    }

    @Override
    public int getTokenIndex() {
        return -1;
    }

    @Override
    public int getStartIndex() {
        return start;
    }

    @Override
    public int getStopIndex() {
        return stop;
    }

    @Override
    public TokenSource getTokenSource() {
        return source;
    }

    @Override
    public CharStream getInputStream() {
        return source.getInputStream();
    }

    @Override
    public String toString() {
        return "[@" + start + ":" + stop + "='" + getText() + "',<" + type + ">]";
    }
}
