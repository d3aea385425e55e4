package dev.vgharness.mi;

import dev.vgharness.mi.antlr.GdbMiLexer;
import dev.vgharness.mi.antlr.GdbMiParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
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
 * <p>The line is bytes as chars (ISO-8859-1), as gdb's stdout is read. Stream records and prompts, most of the
 * traffic, are recognised by hand; result and async records go through the grammar with SLL prediction, and only a
 * line that fails is parsed again in LL mode to name the error's position. A line that does not start like an MI
 * record is the program's own output ({@link MiRecord.Output}), never an error.
 *
 * <p>Not thread-safe: one instance per reader thread (lexer and parser are reused between lines).
 */
public final class MiParser {

    private static final MiRecord.Prompt PROMPT = new MiRecord.Prompt();

    private final GdbMiLexer lexer = new GdbMiLexer(CharStreams.fromString(""));
    private final CommonTokenStream tokens = new CommonTokenStream(lexer);
    private final GdbMiParser parser = new GdbMiParser(tokens);

    public MiParser() {
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
    }

    /** Parses a line (without its line end) as line 1. */
    public MiRecord parse(String line) throws MiParseException {
        return parse(line, 1);
    }

    /** Parses a line (without its line end); {@code lineNumber} goes into error positions. */
    public MiRecord parse(String line, int lineNumber) throws MiParseException {
        String text = stripCarriageReturn(line);
        switch (classify(text)) {
            case STREAM:
                MiRecord stream = fastStream(text);
                return stream != null ? stream : parseWithGrammar(text, lineNumber);
            case PROMPT:
                return PROMPT;
            case RECORD:
                return parseWithGrammar(text, lineNumber);
            default:
                return new MiRecord.Output(CStrings.latin1ToUtf8(text));
        }
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

    private static MiRecord fastStream(String line) {
        int close = CStrings.closingQuote(line, 1);
        if (close != line.length() - 1) {
            return null;
        }
        return new MiRecord.Stream(MiRecord.StreamKind.of(line.charAt(0)), CStrings.decode(line, 1, close));
    }

    private MiRecord parseWithGrammar(String line, int lineNumber) throws MiParseException {
        reset(line);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return new MiTreeBuilder(line).record(parser.line());
        } catch (ParseCancellationException sllFailed) {
            return parseReportingErrors(line, lineNumber);
        } catch (NumberFormatException tooLong) {
            throw new MiParseException(lineNumber, 1, "token out of range");
        }
    }

    private MiRecord parseReportingErrors(String line, int lineNumber) throws MiParseException {
        reset(line);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new DefaultErrorStrategy());
        ErrorCollector errors = new ErrorCollector(lineNumber);
        parser.addErrorListener(errors);
        try {
            GdbMiParser.LineContext tree = parser.line();
            if (errors.first != null) {
                throw errors.first;
            }
            return new MiTreeBuilder(line).record(tree);
        } finally {
            parser.removeErrorListeners();
        }
    }

    private void reset(String line) {
        lexer.setInputStream(CharStreams.fromString(line));
        tokens.setTokenSource(lexer);
        parser.setTokenStream(tokens);
    }

    private static String stripCarriageReturn(String line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line;
    }

    /** Keeps the first syntax error, with a message a person can act on. */
    private static final class ErrorCollector extends BaseErrorListener {
        private final int lineNumber;
        private MiParseException first;

        ErrorCollector(int lineNumber) {
            this.lineNumber = lineNumber;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                RecognitionException e) {
            if (first == null) {
                first = new MiParseException(lineNumber, column + 1, explain((Token) offending, msg));
            }
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
