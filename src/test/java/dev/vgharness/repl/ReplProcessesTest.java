package dev.vgharness.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.RunProcesses;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repl --trace-children}: the exec'd child is listed by {@code :processes} and reached by {@code :process}. */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
class ReplProcessesTest {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) process(es)?; .*");
    private static final Pattern CHILD = Pattern.compile(" {2}(\\d+) {2}ppid (\\d+) {2}(.*worker)");

    @TempDir
    Path home;

    @Test
    void aTracedExecdChildIsListedAndAnswersMonitorCommandsOnceSwitchedTo() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java, "-Duser.home=" + home, "-cp",
                System.getProperty("java.class.path"), "dev.vgharness.cli.Main", "repl", "--trace-children"));
        argv.addAll(TestTools.options());
        argv.addAll(List.of("--", exe.toString(), "exec", exe.toString()));
        Path errors = home.resolve("stderr.txt");
        Process repl = new ProcessBuilder(argv).redirectError(errors.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(repl.getInputStream(),
                    StandardCharsets.UTF_8));
            Matcher started = Pattern.compile("valgrind pid (\\d+)").matcher(out.readLine());
            assertTrue(started.find());
            long parent = Long.parseLong(started.group(1));
            OutputStream in = repl.getOutputStream();
            send(in, ":break " + Fixtures.location("src/children.c", "parent_waits") + "\n:continue\n");
            assertTrue(out.readLine().startsWith("breakpoint 1 at "));
            assertTrue(out.readLine().startsWith("stopped at breakpoint 1: main"));
            RunProcesses session = RunProcesses.of(repl.toHandle());

            List<String> listed = processesOnceTheChildWaits(in, out);
            assertTrue(listed.get(0).startsWith("* " + parent + "  ppid "), listed.toString());
            assertTrue(listed.get(0).contains("  stopped children.c:" + Fixtures.line("src/children.c", "parent_waits")
                    + "  " + exe + " exec " + exe), listed.toString());
            Matcher child = CHILD.matcher(listed.get(1));
            assertTrue(child.matches(), listed.toString());
            long childPid = Long.parseLong(child.group(1));
            assertEquals(parent, Long.parseLong(child.group(2)), "the child's parent is the program's valgrind");
            assertTrue(child.group(3).startsWith("stopped waiting for gdb  " + exe + " worker"), listed.toString());

            send(in, ":process 999999999\n:process " + childPid + "\n");
            assertTrue(out.readLine().startsWith("process " + childPid + ": stopped "));
            send(in, "v.info scheduler\nleak_check summary\n:processes\n:continue\n");
            send(in, ":process " + parent + "\n:continue\n:quit\n");
            in.close();
            List<String> rest = new ArrayList<>();
            out.lines().forEach(rest::add);
            assertTrue(repl.waitFor(60, TimeUnit.SECONDS));
            String text = String.join("\n", rest);
            assertTrue(text.contains("(lwpid " + childPid + ")"), "valgrind of the child answers: " + text);
            assertTrue(rest.contains("==" + childPid + "== All heap blocks were freed -- no leaks are possible"),
                    "the child has not leaked yet at its first instruction: " + text);
            assertTrue(rest.stream().anyMatch(l -> l.startsWith("* " + childPid + "  ppid " + parent + "  stopped ")
                    && l.endsWith("  " + exe + " worker")), "the child is the one commands go to: " + text);
            assertTrue(rest.stream().anyMatch(l -> l.startsWith("  " + parent + "  ppid ")), text);
            assertTrue(rest.stream().anyMatch(l -> l.startsWith("exited 5: definite 300 B in 1")),
                    "the child's own exit and exit report: " + text);
            assertTrue(rest.stream().anyMatch(l -> l.startsWith("exited 0: definite 100 B in 1")),
                    "the program's, once switched back: " + text);
            assertEquals(List.of("error: no process 999999999 in this target: :processes lists them"),
                    Files.readAllLines(errors));
            assertEquals(1, repl.exitValue(), "the unknown pid counts as the one failed command");
            assertEquals(List.of(), session.alive("--pid=" + parent, "--pid=" + childPid),
                    "no valgrind, gdb or vgdb of either process");
        } finally {
            repl.destroyForcibly();
        }
    }

    /** {@code :processes} until it lists two: the child shows once its Valgrind waits for gdb. */
    private static List<String> processesOnceTheChildWaits(OutputStream in, BufferedReader out)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            send(in, ":processes\n");
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher summary = SUMMARY.matcher(line);
                if (summary.matches()) {
                    if (summary.group(1).equals("2") || System.nanoTime() > end) {
                        return lines;
                    }
                    break;
                }
                lines.add(line);
            }
            Thread.sleep(200);
        }
    }

    private static void send(OutputStream in, String lines) throws IOException {
        in.write(lines.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
