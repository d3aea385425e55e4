package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The lexer rules of {@code GdbMi.g4}, written out by hand for speed: a C string is scanned by one tight loop
 * instead of a DFA step per character. The generated lexer stays the specification; a test checks that both give
 * the same tokens on every recorded line and on generated ones. One instance is reused line after line.
 */
final class MiTokenizer implements TokenSource {

    private String line;
    private LineCharStream chars;
    private int position;
    private boolean escaped;
    /** The last identifier's hash. */
    private int hash;
    /** Where the next backslash at or after {@code position} is (line length: none); found once, reused. */
    private int nextBackslash;
    /** Likewise the next quote: a string full of escapes must not rescan to its end at every one. */
    private int nextQuote;
    /** Open tuples and lists: gdb nests a few levels; a line nesting deeper than {@link #MAX_DEPTH} is refused. */
    private int depth;

    /** Far beyond anything gdb prints, and far below what the parser's recursion can take. */
    static final int MAX_DEPTH = 256;

    MiTokenizer(String line) {
        reset(line);
    }

    /** Starts over on another line. */
    void reset(String text) {
        this.line = text;
        this.chars = null;
        this.position = 0;
        this.nextBackslash = -1;
        this.nextQuote = -1;
        this.depth = 0;
    }

    String line() {
        return line;
    }

    @Override
    public MiToken nextToken() {
        return next(new MiToken(this));
    }

    /** Reads the next token into {@code token} and returns it. */
    MiToken next(MiToken token) {
        int n = line.length();
        int start = position;
        if (start >= n) {
            return token.set(Token.EOF, start, start - 1, false, 0);
        }
        char c = line.charAt(start);
        int type;
        escaped = false;
        if (c == '"') {
            type = string(start, n);
        } else if (isIdentifierStart(c)) {
            type = identifier(c, start + 1, n);
        } else if (c >= '0' && c <= '9') {
            type = digits(start + 1, n);
        } else if (c == '(' && line.startsWith("(gdb)", start)) {
            type = GdbMiLexer.PROMPT;
            position = skipSpaces(start + 5, n);
        } else {
            type = punctuation(c);
            position = start + 1;
            nest(type, start);
        }
        return token.set(type, start, position - 1, escaped, hash);
    }

    /** An identifier, or with the '=' that follows it a NAME_EQ ("frame="). */
    private int identifier(char first, int i, int n) {
        int end = skipIdentifier(first, i, n);
        if (end < n && line.charAt(end) == '=') {
            position = end + 1;
            return GdbMiLexer.NAME_EQ;
        }
        position = end;
        return GdbMiLexer.IDENT;
    }

    /** String.indexOf is vectorised: most strings hold no backslash and end at the next quote. */
    private int string(int start, int n) {
        int i = start + 1;
        while (true) {
            int quote = quoteFrom(i);
            int backslash = backslashFrom(i);
            if (quote >= n && backslash >= n) {
                position = n;
                return GdbMiLexer.UNTERMINATED_STRING;
            }
            if (quote < n && quote < backslash) {
                position = quote + 1;
                return GdbMiLexer.STRING;
            }
            escaped = true;
            if (backslash + 1 >= n) {
                position = n;
                return GdbMiLexer.UNTERMINATED_STRING;
            }
            i = backslash + 2;
        }
    }

    private int quoteFrom(int from) {
        if (nextQuote < from) {
            int found = line.indexOf('"', from);
            nextQuote = found < 0 ? line.length() : found;
        }
        return nextQuote;
    }

    private int backslashFrom(int from) {
        if (nextBackslash < from) {
            int found = line.indexOf('\\', from);
            nextBackslash = found < 0 ? line.length() : found;
        }
        return nextBackslash;
    }

    /** A record's token and its mark are one token; digits alone are TOKEN. */
    private int digits(int i, int n) {
        while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        int mark = i < n ? markType(line.charAt(i)) : Token.INVALID_TYPE;
        position = mark == Token.INVALID_TYPE ? i : i + 1;
        return mark == Token.INVALID_TYPE ? GdbMiLexer.TOKEN : mark;
    }

    /** Also hashes the identifier as String.hashCode would, so the name table need not read it again. */
    private int skipIdentifier(char first, int i, int n) {
        int h = first;
        while (i < n) {
            char c = line.charAt(i);
            if (c >= 128 || !IDENTIFIER_PART[c]) {
                break;
            }
            h = 31 * h + c;
            i++;
        }
        hash = h;
        return i;
    }

    private int skipSpaces(int i, int n) {
        while (i < n && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static final boolean[] IDENTIFIER_PART = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            IDENTIFIER_PART[c] = isIdentifierPart(c);
        }
    }

    private static int markType(char c) {
        return switch (c) {
            case '^' -> GdbMiLexer.RESULT_MARK;
            case '*' -> GdbMiLexer.EXEC_MARK;
            case '+' -> GdbMiLexer.STATUS_MARK;
            case '=' -> GdbMiLexer.NOTIFY_MARK;
            default -> Token.INVALID_TYPE;
        };
    }

    private void nest(int type, int at) {
        if (type == GdbMiLexer.LBRACE || type == GdbMiLexer.LBRACKET) {
            if (++depth > MAX_DEPTH) {
                throw new TooDeep(at);
            }
        } else if (type == GdbMiLexer.RBRACE || type == GdbMiLexer.RBRACKET) {
            depth--;
        }
    }

    /** A line nested deeper than {@link #MAX_DEPTH}: refused before the parser's recursion can overflow. */
    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int column;

        TooDeep(int index) {
            super(null, null, false, false);
            this.column = index + 1;
        }

        int column() {
            return column;
        }
    }

    private static int punctuation(char c) {
        int mark = markType(c);
        if (mark != Token.INVALID_TYPE) {
            return mark;
        }
        return switch (c) {
            case '~' -> GdbMiLexer.TILDE;
            case '@' -> GdbMiLexer.AT;
            case '&' -> GdbMiLexer.AMPERSAND;
            case ',' -> GdbMiLexer.COMMA;
            case '{' -> GdbMiLexer.LBRACE;
            case '}' -> GdbMiLexer.RBRACE;
            case '[' -> GdbMiLexer.LBRACKET;
            case ']' -> GdbMiLexer.RBRACKET;
            default -> GdbMiLexer.UNEXPECTED;
        };
    }

    @Override
    public int getLine() {
        return 1;
    }

    @Override
    public int getCharPositionInLine() {
        return position;
    }

    @Override
    public CharStream getInputStream() {
        if (chars == null) {
            chars = new LineCharStream(line);
        }
        return chars;
    }

    @Override
    public String getSourceName() {
        return CharStream.UNKNOWN_SOURCE_NAME;
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("the tokenizer makes MiTokens only");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
