package dev.vgharness.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.RunProcesses;
import dev.vgharness.TargetOutput;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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

    private final String socket = "vgh-test-" + ProcessHandle.current().pid();

    @TempDir
    Path home;

    @AfterEach
    void killTmux() throws Exception {
        tmux("kill-server");
    }

    @Test
    void completesMonitorWordsShowsTheTableInterruptsAndQuitsCleanly() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = String.join(" ", java, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.vgharness.cli.Main", "repl", String.join(" ", TestTools.options()), "--",
                Fixtures.compile("src/hang.c").toString(), "; echo EXIT=$?; sleep 60");
        tmux("new-session", "-d", "-x", "200", "-y", "50", command);
        String started = awaitScreen(s -> s.contains("(vgh stopped _start)"));
        Matcher pid = Pattern.compile("valgrind pid (\\d+)").matcher(started);
        assertTrue(pid.find(), started);
        long valgrind = Long.parseLong(pid.group(1));
        // tmux runs the REPL under its own server, not below this JVM: the REPL is valgrind's parent
        ProcessHandle harness = ProcessHandle.of(valgrind).flatMap(ProcessHandle::parent).orElseThrow();

        tmux("send-keys", ":break " + Fixtures.location("src/hang.c", "before_hang"), "Enter");
        tmux("send-keys", ":continue", "Enter");
        awaitScreen(s -> s.contains("(vgh stopped hang.c:" + Fixtures.line("src/hang.c", "before_hang") + ")"));
        tmux("send-keys", "leak_", "Tab");
        awaitScreen(s -> s.contains(") leak_check"));
        tmux("send-keys", "full reach", "Tab");
        awaitScreen(s -> s.contains(") leak_check full reachable"));
        tmux("send-keys", "any", "Enter");
        // At the mark the block is still pointed at by its local variable.
        String table = awaitScreen(s -> s.contains("    1  still_reachable"));
        assertTrue(table.contains("    1  still_reachable          48       1       +48  main (hang.c:"), table);

        tmux("send-keys", ":continue", "Enter");
        // While :continue waits there is no prompt; the target sleeps in its loop once it has said so.
        TargetOutput.await(valgrind, "hanging", Duration.ofSeconds(60));
        RunProcesses session = RunProcesses.of(harness);
        tmux("send-keys", "C-c");
        awaitScreen(s -> s.contains("interrupted: "));
        tmux("send-keys", ":quit", "Enter");
        awaitScreen(s -> s.contains("EXIT=0"));
        assertTrue(harness.onExit().thenApply(p -> true).get(30, TimeUnit.SECONDS));
        assertEquals(List.of(), session.alive("--pid=" + valgrind), "no valgrind, gdb or vgdb of the session");
        assertTrue(Files.readString(home.resolve(".vgharness_history")).contains("leak_check full"));
    }

    private String awaitScreen(Predicate<String> shown) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-S", "-200").strip();
            if (shown.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed what was expected:\n" + screen);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket, args[0]));
        if (args[0].equals("new-session")) {
            argv.addAll(List.of("-s", "vgh"));
        } else if (args[0].equals("send-keys") || args[0].equals("capture-pane")) {
            argv.addAll(List.of("-t", "vgh"));
        }
        argv.addAll(List.of(args).subList(1, args.length));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
