package dev.vgharness.memcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Damaged valgrind XML found by {@link ValgrindXmlParserFuzzTest}: the parser has no typed error, so each of these
 * reads what it can instead of throwing.
 */
class ValgrindXmlDamageTest {

    private static final String HEAD = "<?xml version=\"1.0\"?>\n<valgrindoutput>\n";
    private static final String END = "</valgrindoutput>\n";

    private static ValgrindXmlReport parse(String xml) {
        return ValgrindXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static ValgrindXmlReport report(Integer protocol, Long pid, List<MemcheckError> errors, boolean complete) {
        return new ValgrindXmlReport(protocol, null, pid, errors, List.of(), List.of(), List.of(), List.of(), null,
                null, null, complete);
    }

    @Test
    void readsMalformedNumbersAsAbsent() {
        ValgrindXmlReport report = parse(HEAD + "<protocolversion>4x</protocolversion><pid>-</pid>\n"
                + "<error><unique>0x109-->2A0</unique><tid>99999999999</tid><kind>InvalidRead</kind><what>w</what>"
                + "<stack><frame><ip>0xzz</ip><fn>main</fn><file>e.c</file><line>1,234</line></frame></stack></error>\n"
                + "<errorcounts><pair><count>x</count><unique>0xzz</unique></pair></errorcounts>\n" + END);

        assertEquals(new ValgrindXmlReport(null, null, null,
                List.of(new MemcheckError("InvalidRead", "w", 1, List.of(new StackFrame(0, "main", "e.c", null, null)),
                        null, List.of(), List.of(), null, null, null)),
                List.of(), List.of(new ValgrindXmlReport.ErrorCount(-1, 0)), List.of(), List.of(), null, null, null,
                true), report);
    }

    @Test
    void skipsAnErrorWithoutKindAndAStatusWithoutState() {
        ValgrindXmlReport report = parse(HEAD + "<protocolversion>4</protocolversion>\n<status></status>\n"
                + "<error><what>no kind</what></error>\n" + END);

        assertEquals(report(4, null, List.of(), true), report);
    }

    @Test
    void readsDeeplyNestedElementsWithoutOverflowingTheStack() {
        ValgrindXmlReport report = parse(HEAD + "<error><kind>InvalidRead</kind><what>w</what>"
                + "<a>".repeat(200_000) + "</a>".repeat(200_000) + "</error>\n" + END);

        assertEquals(report(null, null, List.of(new MemcheckError("InvalidRead", "w", 1, List.of(), null, List.of(),
                List.of(), null, null, null)), true), report);
    }

    @Test
    void readsXmlThatTheJdkReaderFailsOnWithAnUncheckedExceptionAsCutShort() {
        // fuzz input 583363 of seed 20261125: the JDK reader throws MissingResourceException (InvalidCharInDTD)
        ValgrindXmlReport report = parse("      <!DOCTYPE x [<!ENTITY e \"e\"\u0000\\\\\">]><obj>/tmp/tmp.TlbS99,999,999,999,999,"
                + "<stack>9");

        assertEquals(report(null, null, List.of(), false), report);
    }
}
