package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MiSession against the real gdb, and against the real valgrind through vgdb. */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
class MiSessionTest {

    private static GdbLaunch gdbLaunch() {
        return GdbLaunch.defaults().withGdb(TestTools.gdb());
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void breaksRunsStopsListsTheStackAndSeesTheExit() throws Exception {
        Path leaky = Fixtures.compile("src/leaky.c");
        int line = Fixtures.line("src/leaky.c", "request_done");
        try (MiSession gdb = MiSession.start(gdbLaunch().withProgram(leaky))) {
            GdbBreakpoint bp = GdbCommands.breakInsert(gdb, "leaky.c:" + line, Optional.empty(), 0);
            assertEquals("1", bp.number());
            assertEquals(Optional.of(line), bp.locations().get(0).line());

            gdb.send("-exec-run");
            StopEvent stop = gdb.awaitStop(WAIT);
            assertEquals("breakpoint-hit", stop.reason());
            assertEquals(1, stop.breakpoint());
            assertEquals("handle_request", stop.frame().orElseThrow().function());
            assertEquals(Optional.of(line), stop.frame().orElseThrow().line());

            List<GdbFrame> stack = GdbCommands.stack(gdb);
            assertEquals(List.of("handle_request", "main"), stack.stream().map(GdbFrame::function).toList());
            assertEquals(Optional.of(Fixtures.line("src/leaky.c", "after_request") - 1), stack.get(1).line());

            GdbCommands.breakDelete(gdb, bp.number());
            gdb.send("-exec-continue");
            StopEvent end = gdb.awaitStop(WAIT);
            assertEquals(new StopEvent("exited-normally", 0, 0, Optional.empty(), Optional.empty(), Optional.of(0)), end);
        }
    }

    @Test
    void anErrorAnswerIsATypedExceptionWithGdbsMessage() throws Exception {
        try (MiSession gdb = MiSession.start(gdbLaunch().withProgram(Fixtures.compile("src/leaky.c")))) {
            MiSessionException.CommandFailed e = assertThrows(MiSessionException.CommandFailed.class,
                    () -> gdb.send("-break-insert no_such_function_anywhere"));
            assertEquals("Function \"no_such_function_anywhere\" not defined.", e.gdbMessage());
            assertEquals("1", gdb.send("-data-evaluate-expression 1").result().string("value"));
        }
    }

    @Test
    void gdbDyingMidCommandIsAnExceptionNotAHang() throws Exception {
        try (MiSession gdb = MiSession.start(gdbLaunch())) {
            ProcessHandle.of(gdb.pid()).orElseThrow().destroyForcibly();
            MiSessionException e = assertThrows(MiSessionException.class,
                    () -> gdb.send("-data-evaluate-expression 1", Duration.ofSeconds(10)));
            assertTrue(e instanceof MiSessionException.GdbGone, e.toString());
            assertTrue(e.getMessage().startsWith("gdb exited"), e.getMessage());
            assertThrows(MiSessionException.GdbGone.class, () -> gdb.awaitStop(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aMissingGdbIsAClearError() {
        MiSessionException e = assertThrows(MiSessionException.class,
                () -> MiSession.start(gdbLaunch().withGdb("/nonexistent/gdb")));
        assertTrue(e.getMessage().startsWith("cannot start gdb '/nonexistent/gdb'"), e.getMessage());
    }

    @Test
    void closeEndsGdbAndUnregistersIt() throws Exception {
        int before = ChildReaper.registered();
        MiSession gdb = MiSession.start(gdbLaunch());
        long pid = gdb.pid();
        gdb.close();
        assertEquals(Optional.empty(), ProcessHandle.of(pid).filter(ProcessHandle::isAlive));
        assertEquals(before, ChildReaper.registered());
    }

    @Test
    void attachesThroughVgdbRunsMonitorCommandsAndContinuesToExit() throws Exception {
        Path leaky = Fixtures.compile("src/leaky.c");
        List<String> traffic = Collections.synchronizedList(new ArrayList<>());
        ValgrindLaunch launch = ValgrindLaunch.of(List.of(leaky.toString(), "2"), temp).withValgrind(TestTools.valgrind());
        try (ValgrindProcess valgrind = ValgrindProcess.start(launch);
                MiSession gdb = MiSession.start(gdbLaunch().withProgram(leaky)
                        .withEnvironment(valgrind.vgdbEnvironment()).withTraffic(traffic::add))) {
            GdbCommands.attach(gdb, valgrind, WAIT);
            assertEquals("vgdb-error value changed from 0 to 999999\n",
                    gdb.monitor("v.set vgdb-error 999999", WAIT));
            assertEquals("n_errs_found 0 n_errs_shown 0 (vgdb-error 999999) \n",
                    gdb.monitor("v.info n_errs_found", WAIT));
            gdb.send("-exec-continue");
            StopEvent end = gdb.awaitStop(WAIT);
            assertEquals("exited-normally", end.reason());
            assertEquals(Optional.of(ProcessExit.exited(0)), valgrind.waitFor(WAIT));
            assertTrue(traffic.stream().anyMatch(l -> l.startsWith("-> ") && l.contains("-target-select remote | ")),
                    "the traffic log shows the commands");
        }
    }

    @Test
    void attachingRunsVgdbWithoutTheUsersBashStartupFilesOrAShellBetween() throws Exception {
        // Bash reads ~/.bashrc for `-c` when its stdin is a socket (gdb's pipe to vgdb) and SHLVL says it is the
        // first shell: the shape of a CI runner's environment.
        Path home = Files.createDirectories(temp.resolve("home"));
        Path sourced = home.resolve("sourced");
        Files.writeString(home.resolve(".bashrc"), "touch '" + sourced + "'\n");
        Path leaky = Fixtures.compile("src/leaky.c");
        ValgrindLaunch launch = ValgrindLaunch.of(List.of(leaky.toString(), "1"), temp).withValgrind(TestTools.valgrind());
        try (ValgrindProcess valgrind = ValgrindProcess.start(launch)) {
            Map<String, String> env = new HashMap<>(valgrind.vgdbEnvironment());
            env.putAll(Map.of("HOME", home.toString(), "SHELL", "/bin/bash", "SHLVL", "0"));
            try (MiSession gdb = MiSession.start(gdbLaunch().withProgram(leaky).withEnvironment(env))) {
                GdbCommands.attach(gdb, valgrind, WAIT);
                assertEquals("n_errs_found 0 n_errs_shown 0 (vgdb-error 0) \n", gdb.monitor("v.info n_errs_found", WAIT));
                // No shell left between gdb and vgdb: gdb's SIGTERM at the end reaches vgdb itself.
                assertEquals(List.of("vgdb"), ProcessHandle.of(gdb.pid()).orElseThrow().children()
                        .map(c -> Path.of(c.info().command().orElse("?")).getFileName().toString()).toList());
            }
        }
        assertFalse(Files.exists(sourced), "the pipe to vgdb ran through a shell that read ~/.bashrc");
    }

    @Test
    void aStalledVgdbIsCaughtByThePerCommandDeadline() throws Exception {
        Path leaky = Fixtures.compile("src/leaky.c");
        long valgrindPid;
        try (VgdbTarget target = VgdbTarget.start(ValgrindLaunch.of(List.of(leaky.toString()), temp).withValgrind(TestTools.valgrind()),
                gdbLaunch().withProgram(leaky), WAIT)) {
            valgrindPid = target.valgrind().pid();
            assertEquals(0, ShortCommand.run(List.of("kill", "-STOP", Long.toString(valgrindPid)), null,
                    Duration.ofSeconds(5)).exitCode());
            MiSessionException.Timeout e = assertThrows(MiSessionException.Timeout.class,
                    () -> target.gdb().monitor("v.info n_errs_found", Duration.ofSeconds(2)));
            assertEquals("vgdb did not answer 'monitor v.info n_errs_found' within 2 s: valgrind is stopped or stuck"
                    + " (raise --command-timeout if it is only slow)", e.getMessage());
        }
        assertEquals(Optional.empty(), ProcessHandle.of(valgrindPid).filter(ProcessHandle::isAlive),
                "closing ends even a stopped valgrind");
    }
}
