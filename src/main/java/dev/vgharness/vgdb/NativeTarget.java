package dev.vgharness.vgdb;

import dev.vgharness.mi.MiTuple;
import dev.vgharness.mi.MiValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The target run under plain gdb, without valgrind. gdb starts it through the shell, so its standard streams are
 * redirected in the arguments (they must never reach gdb's own stdout, which is the MI stream):
 * <pre>
 * -> -exec-arguments 'small' '3' &lt; '/dev/null' &gt; '/tmp/x/target.stdout' 2&gt; '/tmp/x/target.stderr'
 * -> -exec-run
 * </pre>
 * Closing it ends gdb, which kills the target; {@link MiSession#close()} ends whatever is left of the tree.
 */
public final class NativeTarget implements AutoCloseable {

    private final MiSession gdb;
    private final Duration timeout;

    private NativeTarget(MiSession gdb, Duration timeout) {
        this.gdb = gdb;
        this.timeout = timeout;
    }

    /**
     * Starts gdb on the program with the arguments, environment and streams set, not yet running.
     *
     * @param env added to the target's environment (gdb's {@code set environment})
     * @param capture where {@code target.stdout} and {@code target.stderr} are written
     */
    public static NativeTarget start(GdbLaunch launch, List<String> argv, Map<String, String> env,
            Optional<Path> stdin, Path capture) throws MiSessionException {
        Path program = Path.of(argv.get(0));
        if (!argv.get(0).contains("/")) {
            program = Executables.find(argv.get(0)).orElse(program);
        }
        MiSession gdb = MiSession.start(launch.withProgram(program));
        try {
            for (Map.Entry<String, String> e : env.entrySet()) {
                gdb.console("set environment " + e.getKey() + "=" + e.getValue(), launch.commandTimeout());
            }
            gdb.send("-exec-arguments " + arguments(argv, stdin, capture));
            return new NativeTarget(gdb, launch.commandTimeout());
        } catch (MiSessionException | RuntimeException e) {
            gdb.close();
            throw e;
        }
    }

    /** The arguments quoted for the shell gdb starts the target with, then the redirections. */
    static String arguments(List<String> argv, Optional<Path> stdin, Path capture) {
        StringBuilder args = new StringBuilder();
        argv.stream().skip(1).forEach(a -> args.append(shellQuoted(a)).append(' '));
        args.append("< ").append(shellQuoted(stdin.map(Path::toString).orElse("/dev/null")));
        args.append(" > ").append(shellQuoted(capture.resolve("target.stdout").toString()));
        args.append(" 2> ").append(shellQuoted(capture.resolve("target.stderr").toString()));
        return args.toString();
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public MiSession gdb() {
        return gdb;
    }

    /** Starts the target: {@code ^running}; the first stop or its end comes as an event. */
    public void run() throws MiSessionException {
        gdb.send("-exec-run", timeout);
    }

    /**
     * The target's pid while it lives, from {@code ^done,groups=[{id="i1",type="process",pid="29479",...}]}.
     */
    public OptionalLong pid() throws MiSessionException {
        for (MiValue group : gdb.send("-list-thread-groups", timeout).result().list("groups").values()) {
            Optional<String> pid = ((MiTuple) group).optionalString("pid");
            if (pid.isPresent()) {
                return OptionalLong.of(Long.parseLong(pid.get()));
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        gdb.close();
    }
}
