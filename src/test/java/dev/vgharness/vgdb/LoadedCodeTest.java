package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Fixtures;
import dev.vgharness.mi.MiParser;
import dev.vgharness.mi.MiRecord;
import dev.vgharness.mi.MiTuple;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What gdb 13 said about code loading over vgdb, read from the recorded sessions {@code fixtures/mi/pending_vgdb_mi3.mi}
 * (a plugin opened with dlopen) and {@code plt_condition_vgdb_mi3.mi} (a function called through the PLT).
 */
class LoadedCodeTest {

    /** The checkout the sessions were recorded in (their paths start with it), read from gdb's first words. */
    private static final String RECORDED = recordedIn("pending_vgdb_mi3.mi");

    private static String recordedIn(String transcript) {
        Matcher m = Pattern.compile("Reading symbols from (/.*/)target/record-mi/").matcher(Fixtures.read("mi/"
                + transcript));
        if (!m.find()) {
            throw new IllegalStateException("no 'Reading symbols from' in " + transcript);
        }
        return m.group(1);
    }

    /** Feeds a recorded session to a LoadedCode as MiSession and GdbCommands.breakInsert do. */
    private static LoadedCode replay(String transcript) throws Exception {
        LoadedCode code = new LoadedCode();
        MiParser parser = new MiParser();
        StringBuilder log = new StringBuilder();
        for (String line : Files.readAllLines(Fixtures.file("mi/" + transcript), StandardCharsets.ISO_8859_1)) {
            MiRecord record = parser.parse(line);
            if (record instanceof MiRecord.Stream s && s.kind() == MiRecord.StreamKind.LOG) {
                log.append(s.text());
            } else if (record instanceof MiRecord.Async a && a.kind() == MiRecord.AsyncKind.NOTIFY) {
                code.notified(a);
            } else if (record instanceof MiRecord.Result r) {
                if (r.find("bkpt").orElse(null) instanceof MiTuple bkpt) {
                    code.inserted(GdbBreakpoint.of(bkpt), log.toString().strip());
                }
                log.setLength(0);
            }
        }
        return code;
    }

    private static GdbFrame location(String function, long address, String source, int line) {
        String file = RECORDED + "fixtures/src/" + source;
        return new GdbFrame(0, address, function, Optional.of(file), Optional.of(file), Optional.of(line),
                Optional.empty());
    }

    @Test
    void aPluginsBreakpointIsSetWhenItLoadsAMisspeltOneNeverIsAndABadConditionIsDisabledWhereItResolved()
            throws Exception {
        LoadedCode code = replay("pending_vgdb_mi3.mi");

        assertEquals(List.of("/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/libc.so.6",
                RECORDED + "target/record-mi/libplugin.so"), code.libraries().stream().map(LoadedCode.Library::name)
                .toList());
        assertEquals(Optional.of(new GdbBreakpoint("1", "plug_run", List.of(location("plug_run", 0x4853124L,
                "plugin.c", 6)), List.of(), false)), code.resolution("1"));
        assertEquals("Function \"plug_run\" not defined.", code.pendingBecause("1"));
        assertEquals(List.of(false, false), List.of(code.resolved("2"), code.resolved("3")));
        assertEquals("Function \"plug_rnu\" not defined.", code.pendingBecause("2"));
        assertEquals(Optional.empty(), code.rejectedAt("2"));
        assertEquals(Optional.of(location("plug_version", 0x4853168L, "plugin.c", 12)), code.rejectedAt("3"));
    }

    @Test
    void aConditionForcedAtAPltStubIsNoRejectionAndTheBreakpointMovesToTheFunctionWhenTheLibraryLoads()
            throws Exception {
        String forced = Files.readAllLines(Fixtures.file("mi/plt_condition_vgdb_mi3.mi")).stream()
                .filter(l -> l.startsWith("104^done")).findFirst().orElseThrow();
        GdbBreakpoint atStub = GdbBreakpoint.of(((MiRecord.Result) new MiParser().parse(forced)).tuple("bkpt"));
        assertEquals(new GdbBreakpoint("1", "count_item", List.of(), List.of(new GdbFrame(0, 0x109040L,
                "count_item@plt", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())), false),
                atStub);

        LoadedCode code = replay("plt_condition_vgdb_mi3.mi");
        assertEquals(Optional.empty(), code.rejectedAt("1"));
        assertEquals(Optional.of(List.of(location("count_item", 0x4853124L, "counter.c", 7))),
                code.resolution("1").map(GdbBreakpoint::locations));
        assertEquals(RECORDED + "target/record-mi/libcounter.so", code.libraries().get(1).name());
    }
}
