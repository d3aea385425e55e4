package dev.vgharness.mi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.fuzz.FuzzInputs;
import dev.vgharness.fuzz.FuzzSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hand-written fast path ({@link MiFastParser}, which {@link MiParser} tries first) gives exactly what the
 * grammar alone gives: the same record, or the same error at the same line and column, on every recorded line and on
 * generated ones. {@code -Dfuzz.inputs=N} sets the size of the long campaign (tag fuzz-long, {@code scripts/fuzz}).
 */
class MiFastParserDifferentialTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);

    private final MiParser withFastPath = new MiParser();
    private final MiParser grammarOnly = new MiParser();

    @Test
    void everyRecordedLineParsesAsTheGrammarParsesIt() {
        List<String> lines = FuzzSeeds.miLines();
        assertEquals(List.of(), differences(lines));
        assertTrue(lines.size() > 2000, "read " + lines.size());
    }

    @Test
    void theFastPathTakesEveryRecordedRecordAndLeavesOnlyOtherLinesToTheGrammar() throws Exception {
        MiFastParser fast = new MiFastParser();
        LineBytes bytes = new LineBytes();
        List<String> leftToGrammar = new ArrayList<>();
        for (String line : FuzzSeeds.miLines()) {
            bytes.load(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (fast.parse(bytes) == null && !(grammarOnly.parse(line, 1) instanceof MiRecord.Output)) {
                leftToGrammar.add(line);
            }
        }
        assertEquals(List.of(), leftToGrammar);
    }

    @Test
    void edgeCasesParseAsTheGrammarParsesThem() {
        List<String> lines = List.of("", "(gdb)", "(gdb)   ", "(gdb)\t", "(gdb) x", "(gd", "~\"\"", "~\"a\"b",
                "~\"\\\"", "~\"\\\\\"", "@\"x\\", "&", "~", "~x", "^", "^done", "^done=", "^done,", "^done,a",
                "^done,a=", "^done,a=\"", "^done,a=\"\\\"", "^done,a=\"1\"", "^done,a=\"1\",", "^done,a=\"1\"x",
                "12^done", "007*stopped", "123456789012345678^done", "1234567890123456789^done",
                "99999999999999999999^done", "12", "12x", "*stopped", "+download", "=thread-created,id=\"1\"",
                "^done,bkpt={number=\"2\"},{number=\"2.1\"},{number=\"2.2\"}", "^done,{a=\"1\"}", "^done,{}",
                "^done,a={},b=[],c=[{}],d=[[]],e={\"x\",y=\"z\"},f=[\"\",a=\"\"]", "^done,a={]", "^done,a=[}",
                "^done,a=[,]", "^done,a=[\"1\",]", "^done,a=[b]", "^done,a=[b=]", "^done,a=\"1\",,b=\"2\"",
                "^done,a=\"\\303\\251\\e[1m\\a\\x41\\v\\'\"", "^done,a=\"caf\u00e9\"", "^done,a=\"\u00c3\\251\"",
                "~\"\u00c3\u00bc|\\302\\240\"", "^done,a-b_C9=\"1\"", "^done,9a=\"1\"", "^done,a= \"1\"",
                "^done,a=\"1\" ", "^done,a=\"1\"\r", "~\"x\"\r", "(gdb) \r", "^Done", "^_x", "^-x", "=9",
                "^done,a=" + "[".repeat(256) + "]".repeat(256), "^done,a=" + "[".repeat(257) + "]".repeat(257),
                "^done,a=" + "{b=".repeat(200) + "\"x\"" + "}".repeat(200), "hello world", "\u00ff\u00fe");
        assertEquals(List.of(), differences(lines));
    }

    @Test
    void randomLinesFromTheMiAlphabetParseAsTheGrammarParsesThem() {
        String alphabet = "^*+=~@&,{}[]\"\"\"\\\\ab_Z-09( gdb)\u00e9\t";
        String[] starts = {"^done,", "*stopped,", "=x,", "~", "12^done,a=", ""};
        Random random = new Random(SEED);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder(starts[random.nextInt(starts.length)]);
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            lines.add(sb.toString());
        }
        assertEquals(List.of(), differences(lines));
    }

    @Test
    void mutatedRecordedLinesParseAsTheGrammarParsesThem() {
        assertEquals(List.of(), mutatedDifferences(30_000));
    }

    @Test
    @Tag("fuzz-long")
    void aMillionMutatedRecordedLinesParseAsTheGrammarParsesThem() {
        assertEquals(List.of(), mutatedDifferences(Long.getLong("fuzz.inputs", 1_000_000L)));
    }

    private List<String> mutatedDifferences(long count) {
        FuzzInputs inputs = new FuzzInputs(FuzzSeeds.miLines(), FuzzSeeds.MI_DICTIONARY, SEED, false);
        List<String> found = new ArrayList<>();
        for (long i = 0; i < count && found.size() < 10; i++) {
            String difference = difference(inputs.input(i));
            if (difference != null) {
                found.add("seed " + SEED + " input " + i + ": " + difference);
            }
        }
        return found;
    }

    /** The lines on which the two paths differ, each with both answers (at most 10). */
    private List<String> differences(List<String> lines) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            String difference = difference(line);
            if (difference != null && found.size() < 10) {
                found.add(difference);
            }
        }
        return found;
    }

    private String difference(String line) {
        String fast = outcome(line, true);
        String grammar = outcome(line, false);
        return fast.equals(grammar) ? null : line + "\n  fast path: " + fast + "\n  grammar:   " + grammar;
    }

    /** The record, or the error with its position, as comparable text. */
    private String outcome(String line, boolean fastPath) {
        try {
            MiRecord record = fastPath ? withFastPath.parse(line, 3) : grammarOnly.parseWithGrammarOnly(line, 3);
            return record.toString();
        } catch (MiParseException e) {
            return "error " + e.getMessage();
        }
    }
}
