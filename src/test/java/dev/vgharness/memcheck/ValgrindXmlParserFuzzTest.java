package dev.vgharness.memcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.fuzz.FuzzCampaign;
import dev.vgharness.fuzz.FuzzInputs;
import dev.vgharness.fuzz.FuzzSeeds;
import dev.vgharness.fuzz.GrowthCheck;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated recorded {@code --xml=yes} files through {@link ValgrindXmlParser}: malformed or cut XML gives what was read
 * before and {@code complete == false}, a number that cannot be read its typed {@link ValgrindXmlException}; never
 * another exception, a hang or super-linear time.
 */
@Tag("fuzz") // campaigns and growth checks take a minute: scripts/test --fast leaves them out
class ValgrindXmlParserFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);
    private static final String HEAD = "<?xml version=\"1.0\"?>\n<valgrindoutput>\n<protocolversion>4</protocolversion>\n";

    @Test
    void mutatedXmlFilesNeverMakeTheParserThrow() {
        assertNoFindings(campaign("valgrind-xml-short").run(10_000));
    }

    @Test
    @Tag("fuzz-long")
    @Timeout(value = 1, unit = TimeUnit.HOURS) // a million inputs: far beyond the default test timeout
    void aMillionMutatedXmlFilesNeverMakeTheParserThrow() {
        assertNoFindings(campaign("valgrind-xml-long").run(Long.getLong("fuzz.inputs", 1_000_000L)));
    }

    @Test
    void pathologicalXmlTakesLinearTime() {
        String error = "<error><unique>0x1</unique><tid>1</tid><kind>InvalidRead</kind><what>w</what><stack>"
                + "<frame><ip>0x1</ip><fn>main</fn></frame></stack></error>\n";
        List<GrowthCheck> checks = List.of(
                growth("many errors", 1_000, n -> HEAD + error.repeat(n) + "</valgrindoutput>\n"),
                growth("many frames", 2_000, n -> HEAD + "<error><kind>InvalidRead</kind><stack>"
                        + "<frame><ip>0x1</ip></frame>".repeat(n) + "</stack></error></valgrindoutput>\n"),
                growth("deep nesting", 1_000, n -> HEAD + "<error>" + "<a>".repeat(n) + "</a>".repeat(n) + "</error>"),
                growth("long text", 125_000, n -> HEAD + "<error><what>" + "x".repeat(n) + "</what></error>"));
        checks.forEach(check -> assertTrue(check.isLinear(), check::toString));
    }

    private static GrowthCheck growth(String name, int n, IntFunction<String> input) {
        return GrowthCheck.measure(name, n, input, ValgrindXmlParserFuzzTest::parse);
    }

    private static ValgrindXmlReport parse(String xml) {
        return ValgrindXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)), "fuzz.xml");
    }

    private static FuzzCampaign campaign(String name) {
        FuzzInputs inputs = new FuzzInputs(FuzzSeeds.xmlTexts(), FuzzSeeds.XML_DICTIONARY, SEED, true);
        return new FuzzCampaign(name, inputs).target("ValgrindXmlParser", ValgrindXmlParserFuzzTest::parse,
                ValgrindXmlException.class);
    }

    private static void assertNoFindings(FuzzCampaign.FuzzOutcome outcome) {
        assertEquals(List.of(), outcome.findings().stream().map(Object::toString).toList(), outcome.summary());
    }
}
