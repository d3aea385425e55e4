package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiLexer;
import dev.vgharness.mi.antlr.GdbMiParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one line of GDB/MI output into a {@link MiRecord}. The only class that sees ANTLR: no parse tree leaves it.
 *
 * <p>The line is bytes as chars (ISO-8859-1), as gdb's stdout is read. The grammar is the specification; every line
 * is first offered to {@link MiFastParser}, the grammar's {@code line} rule written out by hand over the line's
 * bytes, which answers with the record the grammar would build or leaves the line to the grammar (a syntax error,
 * a line that is not MI). The grammar's generated parser is LL(1): SLL prediction, a {@link BailErrorStrategy},
 * and {@link LineTokenStream} over {@link MiTokenizer} (the grammar's lexer rules written out by hand), reusing a
 * few token objects per line; its actions hand tokens and completed items to {@link MiRecordBuilder}, so no parse
 * tree is built. A line that fails is parsed again in LL mode, over a buffered token stream, to name the error's
 * position. A line that does not start like an MI record is the program's own output ({@link MiRecord.Output}),
 * never an error.
 *
 * <p>Not thread-safe: one instance per reader thread (tokenizer, token stream, parser and builder are reused
 * between lines).
 */
public final class MiParser {

    private static final MiRecord.Prompt PROMPT = new MiRecord.Prompt();

    private final MiTokenizer tokenizer = new MiTokenizer("");
    private final LineTokenStream tokens = new LineTokenStream(tokenizer);
    private final MiRecordBuilder builder = new MiRecordBuilder();
    private final GdbMiParser parser = new GdbMiParser(tokens);
    private final BailErrorStrategy bail = new BailErrorStrategy();
    private final LineBytes bytes = new LineBytes();
    private final MiFastParser fast = new MiFastParser();

    public MiParser() {
        parser.removeErrorListeners();
        parser.setBuildParseTree(false);
        parser.setBuilder(builder);
    }

    /** Parses a line (without its line end) as line 1. */
    public MiRecord parse(String line) throws MiParseException {
        return parse(line, 1);
    }

    /** Parses a line (without its line end); {@code lineNumber} goes into error positions. */
    public MiRecord parse(String line, int lineNumber) throws MiParseException {
        String text = stripCarriageReturn(line);
        bytes.load(text);
        MiRecord record = fast.parse(bytes);
        return record != null ? record : parseSlowly(text, lineNumber);
    }

    /** The grammar alone, for a line already loaded into {@link #bytes}. */
    private MiRecord parseSlowly(String text, int lineNumber) throws MiParseException {
        return switch (classify(text)) {
            case STREAM, RECORD -> parseWithGrammar(text, lineNumber);
            case PROMPT -> PROMPT;
            default -> new MiRecord.Output(CStrings.latin1ToUtf8(text));
        };
    }

    /** What the grammar alone makes of a line, without the fast path: for the differential test. */
    MiRecord parseWithGrammarOnly(String line, int lineNumber) throws MiParseException {
        String text = stripCarriageReturn(line);
        bytes.load(text);
        return parseSlowly(text, lineNumber);
    }

    private enum Shape { STREAM, PROMPT, RECORD, OTHER }

    private static Shape classify(String line) {
        int n = line.length();
        if (n == 0) {
            return Shape.OTHER;
        }
        char first = line.charAt(0);
        if ((first == '~' || first == '@' || first == '&') && n > 1 && line.charAt(1) == '"') {
            return Shape.STREAM;
        }
        if (first == '(' && line.startsWith("(gdb)") && line.substring(5).isBlank()) {
            return Shape.PROMPT;
        }
        int i = 0;
        while (i < n && Character.isDigit(line.charAt(i))) {
            i++;
        }
        if (i + 1 < n && isRecordMark(line.charAt(i)) && isIdentifierStart(line.charAt(i + 1))) {
            return Shape.RECORD;
        }
        return Shape.OTHER;
    }

    private static boolean isRecordMark(char c) {
        return c == '^' || c == '*' || c == '+' || c == '=';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private MiRecord parseWithGrammar(String line, int lineNumber) throws MiParseException {
        try {
            return parseFast(line);
        } catch (ParseCancellationException sllFailed) {
            return parseReportingErrors(line, lineNumber);
        } catch (MiTokenizer.TooDeep e) {
            throw new MiParseException(lineNumber, e.column(), "tuples and lists nested deeper than "
                    + MiTokenizer.MAX_DEPTH + " levels");
        } catch (NumberFormatException tooLong) {
            throw new MiParseException(lineNumber, 1, "token out of range");
        }
    }

    /** SLL prediction, unbuffered tokens, bail out at the first error. */
    private MiRecord parseFast(String line) {
        tokenizer.reset(line);
        tokens.restart();
        parser.setTokenStream(tokens);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(bail);
        builder.reset(line, bytes.ascii());
        parser.line();
        return builder.record();
    }

    /** Only for a line that failed: LL prediction, stopping at the first error with its position. */
    private MiRecord parseReportingErrors(String line, int lineNumber) throws MiParseException {
        parser.setTokenStream(new CommonTokenStream(new MiTokenizer(line)));
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new DefaultErrorStrategy());
        builder.reset(line, bytes.ascii());
        parser.addErrorListener(new FirstErrorThrower(lineNumber));
        try {
            parser.line();
            return builder.record();
        } catch (SyntaxError e) {
            throw e.cause;
        } finally {
            parser.removeErrorListeners();
        }
    }

    private static String stripCarriageReturn(String line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line;
    }

    /** Carries the first syntax error out of ANTLR's callbacks, before recovery can build half a record. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient MiParseException cause;

        SyntaxError(MiParseException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    private static final class FirstErrorThrower extends BaseErrorListener {
        private final int lineNumber;

        FirstErrorThrower(int lineNumber) {
            this.lineNumber = lineNumber;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                RecognitionException e) {
            throw new SyntaxError(new MiParseException(lineNumber, column + 1, explain((Token) offending, msg)));
        }

        private static String explain(Token token, String antlrMessage) {
            if (token == null) {
                return antlrMessage;
            }
            return switch (token.getType()) {
                case GdbMiLexer.UNTERMINATED_STRING -> "unterminated string";
                case GdbMiLexer.UNEXPECTED -> "unexpected character '" + token.getText() + "'";
                case Token.EOF -> "line ends too early: " + antlrMessage.replace("<EOF>", "end of line");
                default -> antlrMessage;
            };
        }
    }
}
