package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EndToEnd({Tool.VALGRIND, Tool.COMPILERS})
class ValgrindProcessTest {

    private static final Duration SHORT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private ValgrindLaunch launch(String fixture, String... args) {
        List<String> argv = new ArrayList<>(List.of(Fixtures.compile(fixture).toString()));
        argv.addAll(List.of(args));
        return ValgrindLaunch.of(argv, work).withValgrind(TestTools.valgrind())
                .withTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    @Test
    void startsStoppedAtStartupWithTheReadyFifoOfValgrindsOwnPid() throws IOException {
        try (ValgrindProcess vg = ValgrindProcess.start(launch("src/leaky.c", "2"))) {
            assertTrue(vg.isAlive());
            Path dir = vg.vgdbPrefix().getParent();
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString()
                        .matches("vgdb-from-vgdb-to-" + vg.pid() + "-by-.+-on-.+")), "FIFO named after " + vg.pid());
            }
            String cmdline = Files.readString(Path.of("/proc", Long.toString(vg.pid()), "cmdline")).replace('\0', ' ');
            assertTrue(cmdline.contains("--vgdb-prefix=" + vg.vgdbPrefix()) && cmdline.contains("leaky"), cmdline);
            assertEquals(vg.pid(), sessionId(vg.pid()), "valgrind leads its own session");
            assertTrue(vg.rssKb().orElse(0) > 0, "VmRSS is read");
        }
    }

    @Test
    void vgdbStartedWithTheSameEnvironmentReachesTheGdbserver() {
        try (ValgrindProcess vg = ValgrindProcess.start(launch("src/leaky.c", "2"))) {
            List<String> argv = new ArrayList<>(vg.vgdbCommand());
            argv.addAll(List.of("v.info", "n_errs_found"));

            ShortCommand.Result r = ShortCommand.run(argv, vg.vgdbEnvironment(), SHORT);

            assertEquals("n_errs_found 0 n_errs_shown 0 (vgdb-error 0)", r.stdout().strip(), r.stderr());
        }
    }

    @Test
    void reportsTheExitCodeAndCapturesStdoutOnceTheTargetRuns() throws IOException {
        try (ValgrindProcess vg = ValgrindProcess.start(launch("src/exitcode.c"))) {
            List<String> resume = new ArrayList<>(vg.vgdbCommand());
            resume.addAll(List.of("v.set", "vgdb-error", "999999"));
            assertTrue(ShortCommand.run(resume, vg.vgdbEnvironment(), SHORT).succeeded());

            assertEquals(Optional.of(ProcessExit.exited(10)), vg.waitFor(Duration.ofSeconds(30)));
            assertEquals("exiting with 10\n", Files.readString(vg.stdoutFile()));
        }
    }

    @Test
    void reportsTheSignalThatKilledTheTarget() {
        try (ValgrindProcess vg = ValgrindProcess.start(launch("src/crash.c"))) {
            List<String> resume = new ArrayList<>(vg.vgdbCommand());
            resume.addAll(List.of("v.set", "vgdb-error", "999999"));
            assertTrue(ShortCommand.run(resume, vg.vgdbEnvironment(), SHORT).succeeded());

            assertEquals(Optional.of(ProcessExit.signalled(11)), vg.waitFor(Duration.ofSeconds(30)));
        }
    }

    @Test
    void closeEndsAValgrindStoppedAtStartupAndRemovesItsDirectory() throws IOException {
        ValgrindProcess vg = ValgrindProcess.start(launch("src/leaky.c"));
        long pid = vg.pid();
        Path dir = vg.vgdbPrefix().getParent();
        int registered = ChildReaper.registered();

        vg.close();

        assertFalse(Files.exists(Path.of("/proc", Long.toString(pid))), "valgrind " + pid + " is gone");
        assertFalse(Files.exists(dir), "the private directory is gone");
        assertEquals(List.of(), processesMentioning(dir.toString()));
        assertEquals(registered - 1, ChildReaper.registered());
    }

    @Test
    void killEndsTheTreeAndWaitForThenGivesSigkill() {
        try (ValgrindProcess vg = ValgrindProcess.start(launch("src/leaky.c"))) {
            vg.kill();

            assertFalse(vg.isAlive());
            assertEquals(Optional.of(ProcessExit.signalled(9)), vg.waitFor(Duration.ofSeconds(10)),
                    "SIGTERM is ignored while valgrind waits for gdb, so SIGKILL ended it");
        }
    }

    @Test
    void closeAlsoEndsAnOrphanLeftInValgrindsProcessGroup() throws IOException {
        Path sh = Executables.find("sh").orElseThrow();
        ValgrindLaunch l = ValgrindLaunch.of(List.of(sh.toString(), "-c", "sleep 300 & echo started"), work)
                .withValgrind(TestTools.valgrind());
        ValgrindProcess vg = ValgrindProcess.start(l);
        List<String> resume = new ArrayList<>(vg.vgdbCommand());
        resume.addAll(List.of("v.set", "vgdb-error", "999999"));
        assertTrue(ShortCommand.run(resume, vg.vgdbEnvironment(), SHORT).succeeded());
        assertEquals(Optional.of(ProcessExit.exited(0)), vg.waitFor(Duration.ofSeconds(30)));
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> ProcessTree.processGroup(p.pid()) == vg.pid()).toList();
        assertEquals(1, orphans.size(), "the backgrounded sleep outlived the shell");

        vg.close();

        assertFalse(orphans.get(0).isAlive());
    }

    @Test
    void aMissingProgramIsAClearErrorBeforeAnythingStarts() {
        ValgrindLaunch l = ValgrindLaunch.of(List.of(work.resolve("no-such-program").toString()), work)
                .withValgrind(TestTools.valgrind());

        HarnessException e = assertThrows(HarnessException.class, () -> ValgrindProcess.start(l));

        assertEquals("program not found: " + work.resolve("no-such-program")
                + ": check the path or build it first", e.getMessage());
    }

    @Test
    void aProgramThatIsNotExecutableIsAClearError() throws IOException {
        Path text = Files.writeString(work.resolve("notes.txt"), "not a program");

        HarnessException e = assertThrows(HarnessException.class,
                () -> ValgrindProcess.start(ValgrindLaunch.of(List.of(text.toString()), work)
                        .withValgrind(TestTools.valgrind())));

        assertEquals("program is not an executable file: " + text + ": build it or make it executable (chmod +x)",
                e.getMessage());
    }

    @Test
    void aMissingValgrindIsAClearError() {
        ValgrindLaunch l = launch("src/exitcode.c").withValgrind("/nonexistent/valgrind");

        HarnessException e = assertThrows(HarnessException.class, () -> ValgrindProcess.start(l));

        assertEquals("valgrind not found (looked for '/nonexistent/valgrind'): install valgrind or pass its path"
                + " with --valgrind PATH", e.getMessage());
    }

    @Test
    void aValgrindThatFailsToStartIsReportedWithItsStderr() {
        ValgrindLaunch l = launch("src/exitcode.c").withOptions(List.of("--no-such-option=1"));

        HarnessException e = assertThrows(HarnessException.class, () -> ValgrindProcess.start(l));

        assertTrue(e.getMessage().startsWith("valgrind ended before its gdbserver was ready (exited 1): valgrind said: ")
                && e.getMessage().contains("--no-such-option=1"), e.getMessage());
    }

    private static long sessionId(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    /** Live processes whose command line mentions {@code text} (the private directory). */
    static List<Long> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(text)).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
