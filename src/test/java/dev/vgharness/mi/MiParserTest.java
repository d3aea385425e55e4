package dev.vgharness.mi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vgharness.mi.MiRecord.Async;
import dev.vgharness.mi.MiRecord.AsyncKind;
import dev.vgharness.mi.MiRecord.Output;
import dev.vgharness.mi.MiRecord.Prompt;
import dev.vgharness.mi.MiRecord.Result;
import dev.vgharness.mi.MiRecord.Stream;
import dev.vgharness.mi.MiRecord.StreamKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per grammar rule and per quirk of docs/gdb-mi-notes.md (numbers in the names), whole values compared. */
class MiParserTest {

    private final MiParser parser = new MiParser();

    private MiRecord parse(String line) throws MiParseException {
        return parser.parse(line);
    }

    /** The line as gdb's bytes, one char per byte, the way the session reads it. */
    private MiRecord parseUtf8(String line) throws MiParseException {
        return parser.parse(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    private static MiResult r(String name, MiValue value) {
        return new MiResult(name, value);
    }

    private static MiConst c(String text) {
        return new MiConst(text);
    }

    private static MiTuple t(MiResult... results) {
        return new MiTuple(List.of(results));
    }

    private static MiList l(MiResult... results) {
        return new MiList(List.of(results));
    }

    private static MiResult bare(MiValue value) {
        return new MiResult("", value);
    }

    @Test
    void parsesAResultRecordWithTokenAndNestedValues() throws Exception {
        assertEquals(new Result(Optional.of(102L), "done", List.of(
                        r("bkpt", t(r("number", c("1")), r("type", c("breakpoint")), r("thread-groups", l(bare(c("i1")))))))),
                parse("102^done,bkpt={number=\"1\",type=\"breakpoint\",thread-groups=[\"i1\"]}"));
    }

    @Test
    void quirk1PromptWithTrailingSpaceIsAPrompt() throws Exception {
        assertEquals(new Prompt(), parse("(gdb) "));
        assertEquals(new Prompt(), parse("(gdb)"));
    }

    @Test
    void quirk2AsyncRecordsAndUntokenedResultsHaveNoToken() throws Exception {
        assertEquals(new Async(AsyncKind.EXEC, Optional.empty(), "running", List.of(r("thread-id", c("all")))),
                parse("*running,thread-id=\"all\""));
        assertEquals(new Result(Optional.empty(), "done", List.of()), parse("^done"));
    }

    @Test
    void quirk3RecordsWithNoResults() throws Exception {
        assertEquals(new Result(Optional.empty(), "exit", List.of()), parse("^exit"));
        assertEquals(new Async(AsyncKind.EXEC, Optional.empty(), "stopped", List.of()), parse("*stopped"));
    }

    @ParameterizedTest
    @CsvSource({"done", "running", "connected", "error", "exit"})
    void quirk4EveryResultClassParses(String resultClass) throws Exception {
        assertEquals(new Result(Optional.of(7L), resultClass, List.of()), parse("7^" + resultClass));
    }

    @Test
    void quirk5ErrorCarriesMessageAndCode() throws Exception {
        Result error = (Result) parse("149^error,msg=\"Undefined MI command: nosuchcommand\",code=\"undefined-command\"");
        assertEquals(new Result(Optional.of(149L), "error", List.of(
                r("msg", c("Undefined MI command: nosuchcommand")), r("code", c("undefined-command")))), error);
        assertEquals(true, error.isError());
    }

    @Test
    void quirk6DuplicateKeysInATupleAreAllKept() throws Exception {
        Result result = (Result) parse("^done,thread-ids={thread-id=\"1\",thread-id=\"2\",thread-id=\"3\"},number-of-threads=\"3\"");
        assertEquals(List.of(c("1"), c("2"), c("3")), result.tuple("thread-ids").all("thread-id"));
        assertEquals(3, result.integer("number-of-threads"));
    }

    @Test
    void quirk7ListsOfResultsKeepTheirNames() throws Exception {
        Result result = (Result) parse("^done,stack=[frame={level=\"0\",func=\"f\"},frame={level=\"1\",func=\"main\"}]");
        assertEquals(new Result(Optional.empty(), "done", List.of(r("stack", l(
                r("frame", t(r("level", c("0")), r("func", c("f")))),
                r("frame", t(r("level", c("1")), r("func", c("main")))))))), result);
        assertEquals("main", ((MiTuple) result.list("stack").all("frame").get(1)).string("func"));
    }

    @Test
    void quirk8ListsOfBareValuesKeepEmptyStrings() throws Exception {
        Result result = (Result) parse("^done,register-names=[\"rax\",\"\",\"rbx\"]");
        assertEquals(List.of(c("rax"), c(""), c("rbx")), result.list("register-names").values());
    }

    @Test
    void quirk9EmptyContainersAndEmptyStrings() throws Exception {
        assertEquals(new Result(Optional.empty(), "done", List.of(
                        r("args", MiList.EMPTY), r("t", MiTuple.EMPTY), r("value", c("")))),
                parse("^done,args=[],t={},value=\"\""));
    }

    @Test
    void quirk10Mi2MultiLocationBareTuplesTakeTheBreakpointName() throws Exception {
        Result result = (Result) parse("106^done,bkpt={number=\"2\",addr=\"<MULTIPLE>\"},{number=\"2.1\"},{number=\"2.2\"}");
        assertEquals(List.of(
                r("bkpt", t(r("number", c("2")), r("addr", c("<MULTIPLE>")))),
                r("bkpt", t(r("number", c("2.1")))),
                r("bkpt", t(r("number", c("2.2"))))), result.results());
    }

    @Test
    void quirk10Mi3MultiLocationNestsLocations() throws Exception {
        Result result = (Result) parse("^done,bkpt={number=\"2\",locations=[{number=\"2.1\"},{number=\"2.2\"}]}");
        assertEquals(List.of(bare(t(r("number", c("2.1")))), bare(t(r("number", c("2.2"))))),
                result.tuple("bkpt").list("locations").results());
    }

    @Test
    void quirk11ScriptTupleOfBareValues() throws Exception {
        Result result = (Result) parse("^done,bkpt={number=\"1\",script={\"silent\",\"print w\",\"continue\"}}");
        assertEquals(t(bare(c("silent")), bare(c("print w")), bare(c("continue"))), result.tuple("bkpt").tuple("script"));
    }

    @Test
    void quirk12And13UnknownClassesAndIdentifiersWithCapitalsDigitsDashes() throws Exception {
        assertEquals(new Async(AsyncKind.NOTIFY, Optional.empty(), "brand-new_event2",
                        List.of(r("BreakpointTable", t(r("nr_rows", c("1")), r("addr_flags", c("PAC")))))),
                parse("=brand-new_event2,BreakpointTable={nr_rows=\"1\",addr_flags=\"PAC\"}"));
    }

    @Test
    void quirk14EveryEscapeDecodesToItsByte() throws Exception {
        assertEquals(new Stream(StreamKind.CONSOLE, "\u00e9 \033[1mbold\033[0m \u0007\b\f\r\t\"\\ end\n"),
                parse("~\"\\303\\251 \\e[1mbold\\e[0m \\a\\b\\f\\r\\t\\\"\\\\ end\\n\""));
    }

    @Test
    void quirk14InvalidUtf8BytesBecomeReplacementCharacters() throws Exception {
        assertEquals(new Stream(StreamKind.CONSOLE, "\u0001\u007f\ufffd\ufffd\ufffd\ufffd"),
                parse("~\"\\001\\177\\200\\237\\240\\377\""));
    }

    @Test
    void quirk15RawHighBytesAndOctalEscapesJoinIntoOneCharacter() throws Exception {
        // "€" is E2 82 AC: with sevenbit-strings off gdb sends E2 raw, \202 escaped, AC raw.
        String line = "~\"\u00e2\\202\u00ac|\u00c3\u00bc\"";
        assertEquals(new Stream(StreamKind.CONSOLE, "\u20ac|\u00fc"), parser.parse(line));
    }

    @Test
    void quirk16ValuePrinterEscapesStayText() throws Exception {
        Result result = (Result) parse("104^done,value=\"0x555 \\\"Gr\\\\303\\\\274\\\"\"");
        assertEquals("0x555 \"Gr\\303\\274\"", result.string("value"));
    }

    @Test
    void quirk18And19StreamKindsByMark() throws Exception {
        assertEquals(new Stream(StreamKind.LOG, "print braces\n"), parse("&\"print braces\\n\""));
        assertEquals(new Stream(StreamKind.TARGET, "==9253== LEAK SUMMARY:\n"), parse("@\"==9253== LEAK SUMMARY:\\n\""));
    }

    @Test
    void quirk20ProgramOutputIsAnOutputLineNotAnError() throws Exception {
        assertEquals(new Output("bell esc cr end|caf\u00e9|{not=\"a tuple\"},[1,2]|~\"[Inferior 1 exited]\\n\""),
                parseUtf8("bell esc cr end|caf\u00e9|{not=\"a tuple\"},[1,2]|~\"[Inferior 1 exited]\\n\""));
        assertEquals(new Output("*** stack smashing detected ***"), parse("*** stack smashing detected ***"));
        assertEquals(new Output(""), parse(""));
        assertEquals(new Output("42"), parse("42"));
    }

    @Test
    void quirk25ExitCodesStayOctalStrings() throws Exception {
        Async exited = (Async) parse("*stopped,reason=\"exited\",exit-code=\"012\"");
        assertEquals("012", exited.string("exit-code"));
    }

    @Test
    void quirk26VeryLongRecordsParse() throws Exception {
        StringBuilder sb = new StringBuilder("^done,stack=[");
        for (int i = 0; i < 3000; i++) {
            sb.append(i == 0 ? "" : ",").append("frame={level=\"").append(i).append("\",func=\"recurse\"}");
        }
        Result result = (Result) parse(sb.append(']').toString());
        assertEquals(3000, result.list("stack").all("frame").size());
        assertEquals("2999", ((MiTuple) result.list("stack").all("frame").get(2999)).string("level"));
    }

    @Test
    void quirk28CarriageReturnBeforeTheLineEndIsDropped() throws Exception {
        assertEquals(new Result(Optional.of(5L), "done", List.of()), parse("5^done\r"));
        assertEquals(new Stream(StreamKind.CONSOLE, "x"), parse("~\"x\"\r"));
    }

    @Test
    void quirk30VarobjFieldsWithDotsInValues() throws Exception {
        Result result = (Result) parse("^done,changelist=[{name=\"var1.dims.[0]\",in_scope=\"true\",has_more=\"0\",new_children=[]}]");
        assertEquals(t(r("name", c("var1.dims.[0]")), r("in_scope", c("true")), r("has_more", c("0")),
                r("new_children", MiList.EMPTY)), result.list("changelist").values().get(0));
    }

    @Test
    void aListMayMixResultsAndValues() throws Exception {
        Result result = (Result) parse("^done,mix=[a=\"1\",\"2\",{b=\"3\"}]");
        assertEquals(l(r("a", c("1")), bare(c("2")), bare(t(r("b", c("3"))))), result.list("mix"));
    }

    @Test
    void statusRecordsParse() throws Exception {
        assertEquals(new Async(AsyncKind.STATUS, Optional.empty(), "download", List.of(r("section", c(".text")))),
                parse("+download,section=\".text\""));
    }

    @ParameterizedTest(name = "{0} -> {1}:{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "^done,a=[                      | 1 | 10 | line ends too early",
        "^done,a={b=\"1\"                 | 1 | 15 | line ends too early",
        "^done,msg=\"unclosed            | 1 | 11 | unterminated string",
        "^done,a=\"1\"junk                | 1 | 12 | extraneous input",
        "^done a=\"1\"                    | 1 | 6  | unexpected character ' '",
        "*stopped,=\"x\"                  | 1 | 10 | mismatched input",
        "^done,a=\"1\",                   | 1 | 13 | line ends too early",
        "~\"text\" trailing               | 1 | 8  | unexpected character ' '",
        "~\"unclosed                     | 1 | 2  | unterminated string",
        "^done,a=b                      | 1 | 9  | mismatched input",
    })
    void malformedRecordsGiveTypedErrorsWithColumns(String line, int lineNo, int column, String reasonStart) {
        MiParseException e = assertThrows(MiParseException.class, () -> parser.parse(line.strip(), lineNo));
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(lineNo, e.line());
        assertEquals(true, e.reason().startsWith(reasonStart), e.reason());
    }

    @Test
    void theParserGoesOnAfterABadLine() throws Exception {
        assertThrows(MiParseException.class, () -> parser.parse("^done,a=[", 3));
        assertEquals(new Result(Optional.of(1L), "done", List.of(r("a", l()))), parser.parse("1^done,a=[]", 4));
    }

    @Test
    void typedAccessReportsMissingAndMisshapenFields() throws Exception {
        Result result = (Result) parse("^done,frame={line=\"x\"}");
        assertEquals("no field 'func'", assertThrows(MiFieldException.class, () -> result.tuple("frame").string("func")).getMessage());
        assertEquals("field 'line' is not a number: \"x\"",
                assertThrows(MiFieldException.class, () -> result.tuple("frame").integer("line")).getMessage());
        assertEquals("field 'frame' is a tuple, not a list",
                assertThrows(MiFieldException.class, () -> result.list("frame")).getMessage());
    }
}
