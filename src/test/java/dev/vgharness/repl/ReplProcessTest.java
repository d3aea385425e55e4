package dev.vgharness.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.RunProcesses;
import dev.vgharness.TargetOutput;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vgharness repl} as its own process, scripted through stdin, interrupted with SIGINT as Ctrl-C does. */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
class ReplProcessTest {

    @TempDir
    Path home;

    @Test
    void sigintInterruptsTheRunningTargetAndTheHarnessGoesOn() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(dev.vgharness.vgdb.ChildJvm.DEFAULT_SIGINT);
        argv.addAll(List.of(java, "-Duser.home=" + home, "-cp",
                System.getProperty("java.class.path"), "dev.vgharness.cli.Main", "repl"));
        argv.addAll(TestTools.options());
        argv.addAll(List.of("--", Fixtures.compile("src/hang.c").toString()));
        Process repl = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(repl.getInputStream(), StandardCharsets.UTF_8));
            Matcher pid = Pattern.compile("valgrind pid (\\d+)").matcher(out.readLine());
            assertTrue(pid.find());
            long valgrind = Long.parseLong(pid.group(1));
            OutputStream in = repl.getOutputStream();
            in.write(":continue\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            TargetOutput.await(valgrind, "hanging", Duration.ofSeconds(60));
            RunProcesses session = RunProcesses.of(repl.toHandle());
            // What a terminal's Ctrl-C does to the harness: SIGINT to the JVM.
            new ProcessBuilder("kill", "-INT", Long.toString(repl.pid())).start().waitFor(10, TimeUnit.SECONDS);
            String stop = out.readLine();
            assertTrue(stop.startsWith("interrupted: "), stop);
            in.write("v.info n_errs_found\n:quit\n".getBytes(StandardCharsets.UTF_8));
            in.close();
            List<String> rest = new ArrayList<>();
            out.lines().forEach(rest::add);
            assertTrue(repl.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, repl.exitValue(), String.join("\n", rest));
            assertTrue(rest.get(0).startsWith("n_errs_found 0"), rest.toString());
            assertEquals(List.of(), session.alive("--pid=" + valgrind), "no valgrind, gdb or vgdb of the session");
        } finally {
            repl.destroyForcibly();
        }
    }
}
