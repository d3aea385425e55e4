package dev.vgharness.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.RunProcesses;
import dev.vgharness.TargetOutput;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import dev.vgharness.TmuxSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a real terminal: tmux runs it (from the test's own classpath, no jar needed), keys are sent and the
 * screen is read back.
 */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS, Tool.TMUX})
class TerminalReplTest {

    @TempDir
    Path home;
    private TmuxSession tmux;

    @AfterEach
    void killTmux() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void completesMonitorWordsShowsTheTableInterruptsAndQuitsCleanly() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = String.join(" ", java, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.vgharness.cli.Main", "repl", String.join(" ", TestTools.options()), "--",
                Fixtures.compile("src/hang.c").toString(), "; echo EXIT=$?; sleep 60");
        tmux = TmuxSession.start("repl", command);
        String started = tmux.awaitScreen(s -> s.contains("(vgh stopped _start)"));
        Matcher pid = Pattern.compile("valgrind pid (\\d+)").matcher(started);
        assertTrue(pid.find(), started);
        long valgrind = Long.parseLong(pid.group(1));
        // tmux runs the REPL under its own server, not below this JVM: the REPL is valgrind's parent
        ProcessHandle harness = ProcessHandle.of(valgrind).flatMap(ProcessHandle::parent).orElseThrow();

        tmux.send(":break " + Fixtures.location("src/hang.c", "before_hang"), "Enter");
        tmux.send(":continue", "Enter");
        tmux.awaitScreen(s -> s.contains("(vgh stopped hang.c:" + Fixtures.line("src/hang.c", "before_hang") + ")"));
        tmux.send("leak_", "Tab");
        tmux.awaitScreen(s -> s.contains(") leak_check"));
        tmux.send("full reach", "Tab");
        tmux.awaitScreen(s -> s.contains(") leak_check full reachable"));
        tmux.send("any", "Enter");
        // At the mark the block is still pointed at by its local variable.
        String table = tmux.awaitScreen(s -> s.contains("    1  still_reachable"));
        assertTrue(table.contains("    1  still_reachable          48       1       +48  main (hang.c:"), table);

        tmux.send(":continue", "Enter");
        // While :continue waits there is no prompt; the target sleeps in its loop once it has said so.
        TargetOutput.await(valgrind, "hanging", Duration.ofSeconds(60));
        RunProcesses session = RunProcesses.of(harness);
        tmux.send("C-c");
        tmux.awaitScreen(s -> s.contains("interrupted: "));
        tmux.send(":quit", "Enter");
        tmux.awaitScreen(s -> s.contains("EXIT=0"));
        assertTrue(harness.onExit().thenApply(p -> true).get(30, TimeUnit.SECONDS));
        assertEquals(List.of(), session.alive("--pid=" + valgrind), "no valgrind, gdb or vgdb of the session");
        assertTrue(Files.readString(home.resolve(".vgharness_history")).contains("leak_check full"));
    }
}
