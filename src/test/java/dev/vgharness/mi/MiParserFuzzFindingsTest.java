package dev.vgharness.mi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.fuzz.GrowthCheck;
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
        assertRecordOrParseError("^done,a=" + "[".repeat(256) + "]".repeat(256));
    }

    @Test
    void resultStringWithManyEscapesParsesInLinearTime() {
        MiParser parser = new MiParser();
        GrowthCheck check = GrowthCheck.measure("escapes in a result string", 20_000,
                n -> "^error,msg=\"" + "\\377\\e".repeat(n) + "\"", line -> {
                    try {
                        parser.parse(line, 1);
                    } catch (MiParseException typed) {
                        // a typed error is a valid answer
                    }
                });
        assertTrue(check.ratio() < 40, check::toString);
    }

    private static void assertRecordOrParseError(String line) {
        try {
            new MiParser().parse(line, 1);
        } catch (MiParseException typed) {
            // a typed error is a valid answer
        }
    }
}
