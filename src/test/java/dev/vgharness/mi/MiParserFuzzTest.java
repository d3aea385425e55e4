package dev.vgharness.mi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.fuzz.FuzzCampaign;
import dev.vgharness.fuzz.FuzzInputs;
import dev.vgharness.fuzz.FuzzSeeds;
import dev.vgharness.fuzz.GrowthCheck;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated lines of recorded gdb sessions through {@link MiParser}: a record or {@link MiParseException}, nothing else,
 * no hang, and linear time on repeated fragments (bugs found are in {@link MiParserFuzzFindingsTest}). {@code -Dfuzz.seed=N} runs another campaign; a finding prints the
 * seed and input number that reproduce it ({@code new FuzzInputs(FuzzSeeds.miLines(), FuzzSeeds.MI_DICTIONARY, seed,
 * false).input(n)}).
 */
@Tag("fuzz") // campaigns and growth checks take a minute: scripts/test --fast leaves them out
class MiParserFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);

    @Test
    void mutatedLinesGiveARecordOrAParseErrorOnly() {
        assertNoFindings(campaign("mi-parser-short").run(30_000));
    }

    @Test
    @Tag("fuzz-long")
    @Timeout(value = 1, unit = TimeUnit.HOURS) // a million inputs: far beyond the default test timeout
    void aMillionMutatedLinesGiveARecordOrAParseErrorOnly() {
        assertNoFindings(campaign("mi-parser-long").run(Long.getLong("fuzz.inputs", 1_000_000L)));
    }

    @Test
    void pathologicalLinesTakeLinearTime() {
        List<GrowthCheck> checks = List.of(
                growth("many results", 40_000, n -> "^done" + ",a=\"1\"".repeat(n)),
                growth("long list", 40_000, n -> "^done,a=[" + "\"x\",".repeat(n) + "\"y\"]"),
                growth("list of tuples", 20_000, n -> "*stopped,f=[" + "{a=\"1\",b=[]},".repeat(n) + "{}]"),
                growth("backslashes", 100_000, n -> "~\"" + "\\\\".repeat(n) + "\""),
                growth("unterminated escapes", 100_000, n -> "^done,a=\"" + "\\\"".repeat(n)),
                growth("octal escapes in a stream record", 50_000, n -> "~\"" + "\\377\\e".repeat(n) + "\""),
                growth("1M-char result string", 125_000, n -> "^done,a=\"" + "x".repeat(n) + "\""),
                growth("1M-char stream record", 125_000, n -> "@\"" + "y".repeat(n) + "\""),
                growth("brackets unclosed at depth 50", 2_000, n -> "^done,a=" + "[".repeat(50) + "[],".repeat(n)),
                growth("long line of text", 125_000, n -> "x".repeat(n)),
                growth("unexpected characters", 20_000, n -> "^done,a=\"1\"" + "\u00ff}".repeat(n)));
        checks.forEach(check -> assertTrue(check.isLinear(), check::toString));
    }

    private static GrowthCheck growth(String name, int n, IntFunction<String> input) {
        MiParser parser = new MiParser();
        return GrowthCheck.measure(name, n, input, line -> {
            try {
                parser.parse(line, 1);
            } catch (MiParseException typed) {
                // a typed error is a valid answer
            }
        });
    }

    private static FuzzCampaign campaign(String name) {
        MiParser parser = new MiParser();
        FuzzInputs inputs = new FuzzInputs(FuzzSeeds.miLines(), FuzzSeeds.MI_DICTIONARY, SEED, false);
        return new FuzzCampaign(name, inputs).target("MiParser", line -> parser.parse(line, 7), MiParseException.class);
    }

    private static void assertNoFindings(FuzzCampaign.FuzzOutcome outcome) {
        assertEquals(List.of(), outcome.findings().stream().map(Object::toString).toList(), outcome.summary());
    }
}
