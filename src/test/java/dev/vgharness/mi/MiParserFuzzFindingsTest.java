package dev.vgharness.mi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.fuzz.GrowthCheck;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * MI parser bugs found by {@link MiParserFuzzTest}'s pathological inputs, each with its exact input. Both are fixed:
 * nesting is limited in the tokenizer, and a string's next quote is remembered like its next backslash.
 */
class MiParserFuzzFindingsTest {

    @Test
    void deeplyNestedListsGiveAParseErrorNotAStackOverflow() {
        String line = "^done,a=" + "[".repeat(10_000) + "\"1\"" + "]".repeat(10_000);
        MiParseException e = assertThrows(MiParseException.class, () -> new MiParser().parse(line, 7));
        assertEquals("7:265: tuples and lists nested deeper than 256 levels", e.getMessage());
        assertThrows(MiParseException.class, () -> new MiParser().parse("^done,a=" + "{a=[".repeat(1_000), 1));
    }

    @Test
    void listsNested256LevelsDeepAreTheLimitAndParseToTheirValue() throws MiParseException {
        MiValue nested = MiList.EMPTY;
        for (int level = 1; level < 256; level++) {
            nested = new MiList(List.of(new MiResult("", nested)));
        }

        assertEquals(new MiRecord.Result(Optional.empty(), "done", List.of(new MiResult("a", nested))),
                new MiParser().parse("^done,a=" + "[".repeat(256) + "]".repeat(256), 1));
        MiParseException deeper = assertThrows(MiParseException.class,
                () -> new MiParser().parse("^done,a=" + "[".repeat(257) + "]".repeat(257), 1));
        assertEquals("1:265: tuples and lists nested deeper than 256 levels", deeper.getMessage());
    }

    @Test
    void resultStringWithManyEscapesParsesToItsTextInLinearTime() throws MiParseException {
        // \377 alone is not UTF-8 (U+FFFD); \e is ESC
        assertEquals(new MiRecord.Result(Optional.empty(), "error",
                        List.of(new MiResult("msg", new MiConst("\uFFFD\u001B".repeat(3))))),
                new MiParser().parse(escapes(3), 1));

        MiParser parser = new MiParser();
        GrowthCheck check = GrowthCheck.measure("escapes in a result string", 20_000,
                MiParserFuzzFindingsTest::escapes, line -> parseValid(parser, line));
        assertTrue(check.isLinear(), check::toString);
    }

    private static String escapes(int n) {
        return "^error,msg=\"" + "\\377\\e".repeat(n) + "\"";
    }

    private static void parseValid(MiParser parser, String line) {
        try {
            parser.parse(line, 1);
        } catch (MiParseException e) {
            throw new AssertionError("a valid line did not parse: " + e.getMessage(), e);
        }
    }
}
