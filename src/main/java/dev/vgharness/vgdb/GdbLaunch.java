package dev.vgharness.vgdb;

import static java.util.Objects.requireNonNull;

import dev.vgharness.mi.MiRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to start gdb for a session.
 *
 * @param gdb the gdb binary (a name found on PATH, or a path)
 * @param program the executable whose symbols gdb loads, if any
 * @param environment added to the harness's environment (the vgdb names need the same LOGNAME/USER/HOST/HOSTNAME
 *     as valgrind had)
 * @param workingDirectory where gdb runs, if not here
 * @param commandTimeout the default deadline of every command
 * @param traffic every line sent ({@code -> }) and received ({@code <- }), for {@code -v}
 * @param unsolicited records that belong to no command: the program's output, async valgrind output
 * @param ownSession gdb runs in a session of its own ({@code setsid}), out of the terminal's reach: a Ctrl-C typed at
 *     the harness must not reach gdb, which would pass it on to the process it debugs
 */
public record GdbLaunch(String gdb, Optional<Path> program, Map<String, String> environment,
        Optional<Path> workingDirectory, Duration commandTimeout, Consumer<String> traffic,
        Consumer<MiRecord> unsolicited, boolean ownSession) {

    /** A launch in the harness's own session. */
    public GdbLaunch(String gdb, Optional<Path> program, Map<String, String> environment,
            Optional<Path> workingDirectory, Duration commandTimeout, Consumer<String> traffic,
            Consumer<MiRecord> unsolicited) {
        this(gdb, program, environment, workingDirectory, commandTimeout, traffic, unsolicited, false);
    }

    public GdbLaunch {
        requireNonNull(gdb, "gdb is null");
        requireNonNull(program, "program is null");
        environment = Map.copyOf(environment);
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(commandTimeout, "commandTimeout is null");
        requireNonNull(traffic, "traffic is null");
        requireNonNull(unsolicited, "unsolicited is null");
    }

    /** gdb from PATH, no program, 30 s per command, nothing logged. */
    public static GdbLaunch defaults() {
        return new GdbLaunch("gdb", Optional.empty(), Map.of(), Optional.empty(), Duration.ofSeconds(30), line -> { },
                record -> { });
    }

    public GdbLaunch withGdb(String path) {
        return new GdbLaunch(path, program, environment, workingDirectory, commandTimeout, traffic, unsolicited,
                ownSession);
    }

    public GdbLaunch withProgram(Path path) {
        return new GdbLaunch(gdb, Optional.of(path), environment, workingDirectory, commandTimeout, traffic,
                unsolicited, ownSession);
    }

    public GdbLaunch withEnvironment(Map<String, String> env) {
        return new GdbLaunch(gdb, program, env, workingDirectory, commandTimeout, traffic, unsolicited, ownSession);
    }

    public GdbLaunch withWorkingDirectory(Path dir) {
        return new GdbLaunch(gdb, program, environment, Optional.of(dir), commandTimeout, traffic, unsolicited,
                ownSession);
    }

    public GdbLaunch withCommandTimeout(Duration timeout) {
        return new GdbLaunch(gdb, program, environment, workingDirectory, timeout, traffic, unsolicited, ownSession);
    }

    public GdbLaunch withTraffic(Consumer<String> log) {
        return new GdbLaunch(gdb, program, environment, workingDirectory, commandTimeout, log, unsolicited, ownSession);
    }

    public GdbLaunch inOwnSession() {
        return new GdbLaunch(gdb, program, environment, workingDirectory, commandTimeout, traffic, unsolicited, true);
    }

    /**
     * gdb waits 2 s for a remote packet by default: on a loaded machine, and under {@code --vgdb=full}, vgdb can take
     * longer to relay valgrind's first answer ("Remote replied unexpectedly to 'vMustReplyEmpty': timeout").
     */
    private static final List<String> SETTINGS = List.of("confirm off", "pagination off", "width 0", "height 0",
            "mi-async on", "print sevenbit-strings on", "auto-load safe-path /", "remotetimeout 10");

    /**
     * The argv: MI3 (nested multi-location breakpoints), no init files, quiet, and the harness's settings (no
     * confirmations, no paging, async MI) given as {@code -iex} so that they cost no MI round trip; behind
     * {@code setsid} for its own session when asked (a JVM child is never a group leader, so setsid execs in place
     * and the pid stays gdb's).
     */
    List<String> argv() {
        List<String> argv = new java.util.ArrayList<>();
        if (ownSession) {
            argv.add(Executables.find("setsid").map(Path::toString).orElse("setsid"));
        }
        argv.addAll(List.of(gdb, "--interpreter=mi3", "-nx", "-q"));
        for (String setting : SETTINGS) {
            argv.addAll(List.of("-iex", "set " + setting));
        }
        program.ifPresent(p -> argv.add(p.toString()));
        return argv;
    }
}
