package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The lexer rules of {@code GdbMi.g4}, written out by hand for speed: a C string is scanned by one tight loop
 * instead of a DFA step per character. The generated lexer stays the specification; a test checks that both give
 * the same tokens on every recorded line and on generated ones.
 */
final class MiTokenizer implements TokenSource {

    private final String line;
    private final Pair<TokenSource, CharStream> source;
    private int position;
    private boolean escaped;
    /** Where the next backslash at or after {@code position} is (line length: none); found once, reused. */
    private int nextBackslash = -1;

    MiTokenizer(String line) {
        this.line = line;
        this.source = new Pair<>(this, new LineCharStream(line));
    }

    @Override
    public Token nextToken() {
        int n = line.length();
        int start = position;
        if (start >= n) {
            return token(Token.EOF, start, start - 1);
        }
        char c = line.charAt(start);
        int type;
        escaped = false;
        if (c == '"') {
            type = string(start, n);
        } else if (c >= '0' && c <= '9') {
            type = GdbMiLexer.TOKEN;
            position = skipDigits(start + 1, n);
        } else if (isIdentifierStart(c)) {
            type = GdbMiLexer.IDENT;
            position = skipIdentifier(start + 1, n);
        } else if (c == '(' && line.startsWith("(gdb)", start)) {
            type = GdbMiLexer.PROMPT;
            position = skipSpaces(start + 5, n);
        } else {
            type = punctuation(c);
            position = start + 1;
        }
        return token(type, start, position - 1);
    }

    /** String.indexOf is vectorised: most strings hold no backslash and end at the next quote. */
    private int string(int start, int n) {
        int i = start + 1;
        while (true) {
            int quote = line.indexOf('"', i);
            int backslash = backslashFrom(i);
            if (quote < 0 && backslash >= n) {
                position = n;
                return GdbMiLexer.UNTERMINATED_STRING;
            }
            if (quote >= 0 && quote < backslash) {
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

    private int backslashFrom(int from) {
        if (nextBackslash < from) {
            int found = line.indexOf('\\', from);
            nextBackslash = found < 0 ? line.length() : found;
        }
        return nextBackslash;
    }

    private int skipDigits(int i, int n) {
        while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private int skipIdentifier(int i, int n) {
        while (i < n && isIdentifierPart(line.charAt(i))) {
            i++;
        }
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

    private static int punctuation(char c) {
        return switch (c) {
            case '^' -> GdbMiLexer.CARET;
            case '*' -> GdbMiLexer.STAR;
            case '+' -> GdbMiLexer.PLUS;
            case '=' -> GdbMiLexer.EQUALS;
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

    private Token token(int type, int start, int stop) {
        MiToken token = new MiToken(source, type, start, stop, escaped);
        token.setLine(1);
        token.setCharPositionInLine(start);
        return token;
    }

    /** A token that knows whether its C string holds an escape, so plain strings skip the decoder's scan. */
    static final class MiToken extends CommonToken {
        private static final long serialVersionUID = 1L;
        private final boolean escaped;

        MiToken(Pair<TokenSource, CharStream> source, int type, int start, int stop, boolean escaped) {
            super(source, type, Token.DEFAULT_CHANNEL, start, stop);
            this.escaped = escaped;
        }

        boolean escaped() {
            return escaped;
        }
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
        return source.b;
    }

    @Override
    public String getSourceName() {
        return source.b.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("the tokenizer makes CommonTokens only");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
