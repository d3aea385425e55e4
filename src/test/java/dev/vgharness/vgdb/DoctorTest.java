package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoctorTest {

    @TempDir
    Path tmp;

    @Test
    @EndToEnd({Tool.VALGRIND, Tool.GDB})
    void findsEveryToolAndAPrivateDirectoryHere() {
        List<DoctorCheck> checks = Doctor.check(Doctor.Setup.of(TestTools.valgrind(), TestTools.gdb()));

        assertTrue(Doctor.canWork(checks), checks.toString());
        assertEquals(List.of("valgrind", "vgdb", "gdb", "valgrind-runs", "ptrace", "tmpdir", "leftovers"),
                checks.stream().map(DoctorCheck::name).toList());
        assertTrue(checks.get(2).detail().startsWith("GNU gdb"), checks.get(2).detail());
    }

    @Test
    void reportsEveryToolMissingWhenPathHoldsNone() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty-bin"));
        Doctor.Setup setup = new Doctor.Setup("valgrind", "gdb", Map.of("PATH", empty.toString()), tmp,
                tmp.resolve("no-yama"));

        List<DoctorCheck> checks = Doctor.check(setup);

        assertFalse(Doctor.canWork(checks));
        assertEquals(List.of(
                DoctorCheck.problem("valgrind", "'valgrind' not found or not executable",
                        "install valgrind (apt-get install valgrind) or pass --valgrind PATH"),
                DoctorCheck.problem("vgdb", "vgdb not found next to valgrind nor on PATH",
                        "install the valgrind package that ships vgdb, or put vgdb on PATH"),
                DoctorCheck.problem("gdb", "'gdb' not found or not executable",
                        "install gdb (apt-get install gdb) or pass --gdb PATH"),
                DoctorCheck.ok("ptrace", "no Yama ptrace restrictions"),
                DoctorCheck.ok("tmpdir", "private 0700 directories and FIFOs work in " + tmp),
                DoctorCheck.ok("leftovers", "no private folder of a killed harness in " + tmp)), checks);
    }

    @Test
    @EndToEnd({Tool.VALGRIND})
    void reportsAGdbOlderThanMi3() throws IOException {
        Path fakeGdb = tmp.resolve("old-gdb");
        Files.writeString(fakeGdb, "#!/bin/sh\necho 'GNU gdb (GDB) 8.3'\n");
        assertTrue(fakeGdb.toFile().setExecutable(true));

        DoctorCheck gdb = Doctor.check(Doctor.Setup.of(TestTools.valgrind(), fakeGdb.toString())).get(2);

        assertEquals(DoctorCheck.problem("gdb", "GNU gdb (GDB) 8.3 is older than 9.1 (no MI3)",
                "install gdb 9.1 or newer, or pass --gdb PATH"), gdb);
    }

    @ParameterizedTest
    @CsvSource({"0, true", "1, true", "3, false"})
    void readsTheYamaPtraceScope(String scope, boolean ok) throws IOException {
        Path file = Files.writeString(tmp.resolve("ptrace_scope"), scope + "\n");

        assertEquals(ok, Doctor.ptraceCheck(file).ok());
    }

    @Test
    void aTempDirThatDoesNotExistIsAProblem() {
        // no valgrind or gdb: only the temp directory is checked here
        Doctor.Setup setup = new Doctor.Setup("/nonexistent/valgrind", "/nonexistent/gdb", System.getenv(),
                tmp.resolve("missing/dir"),
                tmp.resolve("no-yama"));

        DoctorCheck check = Doctor.check(setup).stream().filter(c -> c.name().equals("tmpdir")).findFirst().orElseThrow();

        assertFalse(check.ok());
        assertEquals("set TMPDIR to a writable local directory", check.hint());
    }

    @Test
    void parsesTheNumberAtTheEndOfAVersionLine() {
        assertEquals(Optional.of(new Toolchain.Version(13, 1)), Toolchain.parseVersion("GNU gdb (Debian 13.1-3) 13.1"));
        assertEquals(Optional.of(new Toolchain.Version(3, 19)), Toolchain.parseVersion("valgrind-3.19.0"));
    }
}
