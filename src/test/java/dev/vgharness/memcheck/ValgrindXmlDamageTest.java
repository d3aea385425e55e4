package dev.vgharness.memcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Damaged valgrind XML, some found by {@link ValgrindXmlParserFuzzTest}: malformed XML reads what it can instead of
 * throwing, while a number that cannot be read is a {@link ValgrindXmlException} naming its place, never a 0.
 */
class ValgrindXmlDamageTest {

    private static final String HEAD = "<?xml version=\"1.0\"?>\n<valgrindoutput>\n";
    private static final String END = "</valgrindoutput>\n";

    private static ValgrindXmlReport parse(String xml) {
        return ValgrindXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)),
                "damaged.xml");
    }

    private static ValgrindXmlReport report(Integer protocol, Long pid, List<MemcheckError> errors, boolean complete) {
        return new ValgrindXmlReport(protocol, null, pid, errors, List.of(), List.of(), List.of(), List.of(), null,
                null, null, complete);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<protocolversion>4x</protocolversion>|3:18: <protocolversion> holds '4x', which is not a number",
        "<pid>-</pid>|3:6: <pid> holds '-', which is not a number",
        "<error><unique>0x109-->2A0</unique><kind>InvalidRead</kind></error>"
                + "|3:16: <error><unique> holds '0x109-->2A0', which is not a number",
        "<error><tid>99999999999</tid><kind>InvalidRead</kind></error>"
                + "|3:13: <error><tid> holds '99999999999', which is out of range",
        "<error><kind>InvalidRead</kind><stack><frame><ip>0xzz</ip></frame></stack></error>"
                + "|3:50: <frame><ip> holds '0xzz', which is not a number",
        "<error><kind>InvalidRead</kind><stack><frame><fn>main</fn></frame></stack></error>"
                + "|3:46: <frame> has no <ip>",
        "<error><kind>InvalidRead</kind><stack><frame><ip>0x1</ip><line>12a</line></frame></stack></error>"
                + "|3:64: <frame><line> holds '12a', which is not a number",
        "<errorcounts><pair><count>x</count><unique>0x1</unique></pair></errorcounts>"
                + "|3:27: <pair><count> holds 'x', which is not a number",
        "<errorcounts><pair><count>1</count></pair></errorcounts>|3:20: <pair> has no <unique>"})
    void aDamagedNumberIsAnErrorNamingItsPlaceAndElement(String element, String problem) {
        ValgrindXmlException e = assertThrows(ValgrindXmlException.class,
                () -> parse(HEAD + element + "\n" + END));

        assertEquals("damaged.xml:" + problem, e.getMessage());
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
