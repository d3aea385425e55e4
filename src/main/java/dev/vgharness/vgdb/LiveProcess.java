package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A process vgharness did not start, known by its pid: what /proc says about it, and the one signal vgharness ever
 * sends it, SIGCONT, so that a watched process is never left stopped.
 * <pre>
 * /proc/4242/stat:   4242 (daemon) S 1 4242 4242 0 -1 ...      (the state after the name: R S D T t Z ...)
 * /proc/4242/status: TracerPid:	0   Uid:	0	0	0	0
 * </pre>
 */
public final class LiveProcess {

    private LiveProcess() {
    }

    /** Whether the process exists (and is not a zombie). */
    public static boolean exists(long pid) {
        return state(pid).filter(s -> s != 'Z' && s != 'X').isPresent();
    }

    /** The one-letter state of /proc/PID/stat; empty when the process is gone. */
    public static Optional<Character> state(long pid) {
        return ProcStat.fields(pid).map(f -> f[0].charAt(0));
    }

    /** Stopped by a signal (T) or by a tracer (t). */
    public static boolean isStopped(long pid) {
        return state(pid).filter(s -> s == 'T' || s == 't').isPresent();
    }

    /** Sends SIGCONT ({@code kill -CONT PID}): resumes a stopped process, does nothing to a running one. */
    public static boolean resume(long pid) {
        try {
            return ShortCommand.run(List.of("kill", "-CONT", Long.toString(pid)), null, Duration.ofSeconds(10))
                    .succeeded();
        } catch (HarnessException e) {
            return false;
        }
    }

    /** argv from /proc/PID/cmdline; empty when the process is gone (or a kernel thread). */
    public static List<String> commandLine(long pid) {
        try {
            String text = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The program's argv in a traced child's command line, {@code valgrind.bin --opt=... [--] prog args}: what
     * follows Valgrind's options.
     */
    public static List<String> programOf(List<String> cmdline) {
        for (int i = 1; i < cmdline.size(); i++) {
            String word = cmdline.get(i);
            if (word.equals("--")) {
                return List.copyOf(cmdline.subList(i + 1, cmdline.size()));
            }
            if (!word.startsWith("-")) {
                return List.copyOf(cmdline.subList(i, cmdline.size()));
            }
        }
        return List.of();
    }

    /** The executable, from the /proc/PID/exe link; empty when it cannot be read. */
    public static Optional<Path> executable(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** A number field of /proc/PID/status ({@code TracerPid}, the real {@code Uid}); empty when unreadable. */
    static Optional<Long> statusField(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name + ":")) {
                    return Optional.of(Long.parseLong(line.substring(name.length() + 1).strip().split("\\s+")[0]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
