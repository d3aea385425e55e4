package dev.vgharness.memcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.fuzz.FuzzCampaign;
import dev.vgharness.fuzz.FuzzInputs;
import dev.vgharness.fuzz.FuzzSeeds;
import dev.vgharness.fuzz.GrowthCheck;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated recorded monitor answers and valgrind logs through every Memcheck text parser: bad text gives
 * {@link MonitorError}s or partial results, a counted line whose numbers cannot be read the typed
 * {@link MemcheckTextException}; they throw nothing else, never hang, and take linear time on repeated fragments.
 * {@code -Dfuzz.seed=N} runs another campaign; a finding prints the seed and input number that reproduce it
 * ({@code new FuzzInputs(FuzzSeeds.memcheckTexts(), FuzzSeeds.MEMCHECK_DICTIONARY, seed, true).input(n)}).
 */
@Tag("fuzz") // campaigns and growth checks take a minute: scripts/test --fast leaves them out
class MemcheckParserFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);
    private static final String PID = "==4242== ";

    @Test
    void mutatedMemcheckTextsNeverMakeAParserThrow() {
        assertNoFindings(campaign("memcheck-parsers-short").run(20_000));
    }

    @Test
    @Tag("fuzz-long")
    @Timeout(value = 1, unit = TimeUnit.HOURS) // a million inputs: far beyond the default test timeout
    void aMillionMutatedMemcheckTextsNeverMakeAParserThrow() {
        assertNoFindings(campaign("memcheck-parsers-long").run(Long.getLong("fuzz.inputs", 1_000_000L)));
    }

    @Test
    void pathologicalTextsTakeLinearTime() {
        String header = PID + "16 bytes in 1 blocks are definitely lost in loss record 1 of 7\n";
        String frame = PID + "   by 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)\n";
        List<GrowthCheck> checks = List.of(
                growth("many loss records", 2_000, n -> (header + frame + PID + "\n").repeat(n)),
                growth("one record with many frames", 20_000, n -> header + frame.repeat(n) + PID + "\n"),
                growth("block list with indirect trees", 1_000, n -> header + frame + blocks(n)),
                growth("pointer search with many hits", 2_000, n -> PID + "Searching for pointers to 0x4a5a040\n"
                        + (PID + "*0x10c0a0 points at 0x4a5a040\n" + " Address 0x10c0a0 is 0 bytes inside data"
                                + " symbol \"g\"\n").repeat(n)),
                growth("error with many notes", 20_000, n -> PID + "Invalid read of size 4\n" + frame
                        + (PID + " Address 0x4a5a050 is 0 bytes after a block of size 16 alloc'd\n").repeat(n)),
                growth("long suppression", 5_000, n -> "{\n   <insert_a_suppression_name_here>\n   Memcheck:Leak\n"
                        + "   fun:malloc\n".repeat(n) + "}\n"),
                growth("1M-char line", 125_000, n -> PID + "x".repeat(n) + "\n"),
                growth("1M-char indentation", 125_000, n -> PID + " ".repeat(n) + "0x4A40220[16]\n"),
                growth("garbage lines", 10_000, n -> (PID + "(+16) ,,, of of lost [ \n").repeat(n)));
        checks.forEach(check -> assertTrue(check.isLinear(), check::toString));
    }

    private static String blocks(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(PID).append("  ".repeat(i % 40)).append("0x4A40220[16]")
                    .append(i % 40 == 0 ? "" : " indirect loss record 6").append('\n');
        }
        return text.toString();
    }

    private static GrowthCheck growth(String name, int n, IntFunction<String> input) {
        return GrowthCheck.measure(name, n, input, text -> {
            MemcheckText.parse(text);
            BlockListParser.parse(text);
        });
    }

    private static FuzzCampaign campaign(String name) {
        FuzzInputs inputs = new FuzzInputs(FuzzSeeds.memcheckTexts(), FuzzSeeds.MEMCHECK_DICTIONARY, SEED, true);
        Class<MemcheckTextException> typed = MemcheckTextException.class;
        return new FuzzCampaign(name, inputs)
                .target("LeakCheckParser", text -> LeakCheckParser.parseAll(new StringReader(text)), typed)
                .target("BlockListParser", BlockListParser::parse, typed)
                .target("WhoPointsAtParser", WhoPointsAtParser::parse, typed)
                .target("ErrorCountParser", ErrorCountParser::parse, typed)
                .target("ValgrindLog", ValgrindLog::parse, typed)
                .target("MemcheckText", MemcheckText::parse, typed)
                .target("MemcheckTextParser(lines)", text -> MemcheckTextParser.parse(text.lines().iterator(),
                        MemcheckTextParser.Context.BLOCK_LIST, new MemcheckTextCollector()), typed);
    }

    private static void assertNoFindings(FuzzCampaign.FuzzOutcome outcome) {
        assertEquals(List.of(), outcome.findings().stream().map(Object::toString).toList(), outcome.summary());
    }
}
