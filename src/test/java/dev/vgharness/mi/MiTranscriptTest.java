package dev.vgharness.mi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Fixtures;
import dev.vgharness.mi.MiRecord.Stream;
import dev.vgharness.mi.MiRecord.StreamKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line gdb printed in the recorded valgrind + vgdb sessions ({@code fixtures/mi/samples}) parses, and prints
 * back byte for byte: the strongest whole-value check there is.
 */
class MiTranscriptTest {

    static java.util.stream.Stream<Path> transcripts() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(Fixtures.file("mi/samples"))) {
            return files.filter(f -> f.toString().endsWith(".mi.transcript")).sorted().toList().stream();
        }
    }

    /** The lines gdb printed ({@code <- } lines of an annotated transcript), as bytes in chars. */
    static List<String> gdbLines(Path transcript) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(transcript, StandardCharsets.ISO_8859_1)) {
            int arrow = line.indexOf(" <- ");
            if (arrow > 0 && line.substring(0, arrow).strip().matches("[0-9.]+")) {
                lines.add(line.substring(arrow + 4));
            }
        }
        return lines;
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void everyRecordedLineParsesAndPrintsBackUnchanged(Path transcript) throws Exception {
        List<String> lines = gdbLines(transcript);
        assertEquals(List.of(), linesThatDoNotRoundTrip(lines));
        assertEquals(true, lines.size() > 20, "too few lines read from " + transcript);
    }

    /** Each line parsed and printed back; the ones that come back different, with what came back. */
    private static List<String> linesThatDoNotRoundTrip(List<String> lines) throws MiParseException {
        MiParser parser = new MiParser();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String printed = MiFormatter.format(parser.parse(lines.get(i), i + 1));
            if (!printed.equals(lines.get(i))) {
                mismatches.add(lines.get(i) + "\n   != " + printed);
            }
        }
        return mismatches;
    }

    static java.util.stream.Stream<Path> recordings() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(Fixtures.file("mi"))) {
            return files.filter(f -> f.toString().endsWith(".mi")).sorted().toList().stream();
        }
    }

    /** A raw recording: gdb's stdout byte for byte, one char per byte. */
    static List<String> rawLines(Path recording) throws IOException {
        List<String> lines = new ArrayList<>();
        MiLineReader reader = new MiLineReader(Files.newInputStream(recording));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void everyRawRecordingParsesWithoutErrorsAndPrintsBackUnchanged(Path recording) throws Exception {
        assertEquals(List.of(), linesThatDoNotRoundTrip(rawLines(recording)));
    }

    private static MiRecord.Result resultOf(String recording, String tokenAndClass) throws Exception {
        for (String line : rawLines(Fixtures.file("mi/" + recording))) {
            if (line.startsWith(tokenAndClass)) {
                return (MiRecord.Result) new MiParser().parse(line);
            }
        }
        throw new AssertionError("no line " + tokenAndClass + " in " + recording);
    }

    @Test
    void mi2AndMi3MultiLocationBreakpointsGiveTheSameLocations() throws Exception {
        MiRecord.Result mi2 = resultOf("overload_mi2.mi", "101^done");
        MiRecord.Result mi3 = resultOf("overload_mi3.mi", "101^done");
        List<MiValue> mi2Locations = mi2.all("bkpt").subList(1, mi2.all("bkpt").size());
        List<MiValue> mi3Locations = mi3.tuple("bkpt").list("locations").values();
        assertEquals(mi3Locations, mi2Locations);
        assertEquals(List.of("area(int, int)", "area(double)"),
                mi3Locations.stream().map(l -> ((MiTuple) l).string("func")).toList());
        assertEquals("<MULTIPLE>", mi3.tuple("bkpt").string("addr"));
    }

    @Test
    void monitorOutputWithNonAsciiDecodesAsUtf8() throws Exception {
        List<String> lines = gdbLines(Fixtures.file("mi/samples/mi_escaping.mi.transcript"));
        String monitor = lines.stream().filter(l -> l.startsWith("@\"n_errs_found 0 n_errs_shown 0 (vgdb-error 0) h")).findFirst().orElseThrow();
        assertEquals(new Stream(StreamKind.TARGET, "n_errs_found 0 n_errs_shown 0 (vgdb-error 0) h\u00e9llo w\u00f6rld {braces} \"q\" \\back\n"),
                new MiParser().parse(monitor));
    }
}
