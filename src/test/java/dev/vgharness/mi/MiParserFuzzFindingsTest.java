package dev.vgharness.mi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.fuzz.GrowthCheck;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * MI parser bugs found by {@link MiParserFuzzTest}'s pathological inputs, each with its exact input. Disabled until
 * the parser (owned by the MI optimisation branch) is fixed; enable a test to check the fix.
 */
class MiParserFuzzFindingsTest {

    @Test
    @Disabled("bug: deep nesting overflows the stack; ANTLR's recursive descent has no depth limit, "
            + "10000 '[' (or 1000 '{a=[') throw StackOverflowError instead of a record or MiParseException")
    void deeplyNestedListsGiveARecordOrAParseErrorNotAStackOverflow() {
        String line = "^done,a=" + "[".repeat(10_000) + "\"1\"" + "]".repeat(10_000);
        assertRecordOrParseError(line);
        assertRecordOrParseError("^done,a=" + "{a=[".repeat(1_000));
    }

    @Test
    @Disabled("bug: quadratic time on a result string with many escapes; MiTokenizer.string calls "
            + "line.indexOf('\"', i) after every backslash, rescanning to the closing quote each time "
            + "(n=50000 '\\377\\e': 0.28 s, 8n: 18.7 s)")
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
