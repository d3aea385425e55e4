package dev.vgharness.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vgharness repl} as its own process, scripted through stdin, interrupted with SIGINT as Ctrl-C does. */
@Timeout(120)
class ReplProcessTest {

    @TempDir
    Path home;

    @Test
    void sigintInterruptsTheRunningTargetAndTheHarnessGoesOn() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process repl = new ProcessBuilder(java, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.vgharness.cli.Main", "repl", "--", Fixtures.compile("src/hang.c").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(repl.getInputStream(), StandardCharsets.UTF_8));
            Matcher pid = Pattern.compile("valgrind pid (\\d+)").matcher(out.readLine());
            assertTrue(pid.find());
            OutputStream in = repl.getOutputStream();
            in.write(":continue\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            Thread.sleep(1500);
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
            ScriptedReplTest.assertNoProcessLeft(Long.parseLong(pid.group(1)));
        } finally {
            repl.destroyForcibly();
        }
    }
}
