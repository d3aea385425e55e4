package dev.vgharness.memcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSuppressionValgrindWouldWriteForALossRecord() {
        LossRecord record = ValgrindLogTest.LOSS_RECORDS.get(1);

        assertEquals("""
                {
                   pair-leak
                   Memcheck:Leak
                   match-leak-kinds: definite
                   fun:malloc
                   fun:leak
                   fun:main
                }
                """, Suppressions.forLossRecord(record, "pair-leak"));
    }

    @Test
    void demangledCppFramesAndUnknownFramesBecomeWildcards() {
        LossRecord record = Golden.record(1, 1, LeakKind.POSSIBLY_LOST, 8, 1,
                Golden.obj(0x4841F2F, "operator new(unsigned long)", Golden.VGPRELOAD),
                Golden.obj(0x49007B9, "???", "/usr/lib/libstdc++.so.6"),
                new StackFrame(0x1, "???", null, null, null),
                Golden.src(0x109231, "make_all()", "heur.cpp", 28));

        assertEquals("{\n   n\n   Memcheck:Leak\n   match-leak-kinds: possible\n   fun:*\n"
                + "   obj:/usr/lib/libstdc++.so.6\n   ...\n   fun:*\n}\n", Suppressions.forLossRecord(record, "n"));
    }

    @Test
    @EndToEnd({Tool.VALGRIND, Tool.COMPILERS})
    void valgrindSuppressesTheDefiniteLeaksOfACProgram() throws Exception {
        suppressesDefiniteLeaks("src/leaks.c");
    }

    @Test
    @EndToEnd({Tool.VALGRIND, Tool.COMPILERS})
    void valgrindSuppressesTheDefiniteLeaksOfACppProgram() throws Exception {
        suppressesDefiniteLeaks("src/heur.cpp");
    }

    private void suppressesDefiniteLeaks(String source) throws Exception {
        Path program = Fixtures.compile(source);
        ValgrindLog before = runValgrind(program, List.of());
        List<LossRecord> definite = before.leakCheck().lossRecords().stream()
                .filter(r -> r.kind() == LeakKind.DEFINITELY_LOST).toList();
        assertTrue(!definite.isEmpty(), "the fixture leaks definitely");

        StringBuilder file = new StringBuilder();
        long directBytes = 0;
        for (LossRecord record : definite) {
            file.append(Suppressions.forLossRecord(record, "vgharness-" + record.number()));
            directBytes += record.directBytes();
        }
        Path supp = Files.writeString(dir.resolve("leaks.supp"), file);
        ValgrindLog after = runValgrind(program, List.of("--suppressions=" + supp));

        assertEquals(List.of(), after.leakCheck().lossRecords().stream()
                .filter(r -> r.kind() == LeakKind.DEFINITELY_LOST).toList());
        assertEquals(new LeakTotals(0, 0, null, null), after.leakCheck().summary().definitelyLost());
        assertEquals(new LeakTotals(directBytes, definite.stream().mapToLong(LossRecord::blocks).sum(), null, null),
                after.leakCheck().summary().suppressed());
    }

    private ValgrindLog runValgrind(Path program, List<String> extra) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "valgrind", ".log");
        List<String> command = new ArrayList<>(List.of(TestTools.valgrind(), "--leak-check=full", "--show-leak-kinds=all",
                "--log-file=" + log));
        command.addAll(extra);
        command.add(program.toString());
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("valgrind did not finish in 120 s");
        }
        return ValgrindLog.parse(Files.readString(log));
    }
}
