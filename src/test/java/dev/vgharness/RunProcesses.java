package dev.vgharness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The processes of one run under test, to check that none is left behind: only descendants of that run count, never
 * another process that happens to have a similar command line (another test, another developer's suite). A process
 * handle compares its start time too, so a reused pid is not taken for the run's.
 * <ul>
 * <li>{@link #ofThisJvm()}: a run inside this JVM; its processes are the descendants that appear after the call.</li>
 * <li>{@link #of(ProcessHandle)}: a harness started as a child process; its descendants are recorded by
 * {@link #record()} while it runs, since they are re-parented away from it once it has ended.</li>
 * </ul>
 * Either way a process may also be named by a marker only the run has, such as {@code --pid=4242} for the vgdb of
 * valgrind 4242, which finds it even after its gdb died and it was re-parented to init.
 */
public final class RunProcesses {

    private final ProcessHandle root;
    private final Set<ProcessHandle> before;
    private final Set<ProcessHandle> recorded = new HashSet<>();

    private RunProcesses(ProcessHandle root, Set<ProcessHandle> before) {
        this.root = root;
        this.before = before;
    }

    public static RunProcesses ofThisJvm() {
        ProcessHandle self = ProcessHandle.current();
        return new RunProcesses(self, descendants(self));
    }

    public static RunProcesses of(ProcessHandle child) {
        return new RunProcesses(child, Set.of()).record();
    }

    /** Notes the run's processes alive now; call it when the run is in the middle (gdb and vgdb are up). */
    public RunProcesses record() {
        recorded.addAll(current());
        return this;
    }

    /** The run's processes alive now, as {@code pid command line}; {@code markers} name more of them. */
    public List<String> alive(String... markers) {
        Set<ProcessHandle> left = new HashSet<>(current());
        recorded.stream().filter(ProcessHandle::isAlive).forEach(left::add);
        if (markers.length > 0) {
            ProcessHandle.allProcesses().filter(p -> named(p, markers)).forEach(left::add);
        }
        left.remove(ProcessHandle.current());
        List<String> described = new ArrayList<>();
        left.stream().filter(p -> p.isAlive() && !isZombie(p)).sorted()
                .forEach(p -> described.add(p.pid() + " " + p.info().commandLine().orElse("?")));
        return described;
    }

    /**
     * A process that has ended but was not reaped yet (state Z) is not left running: an orphan waits there for init
     * to reap it, which in a container may take a while.
     */
    private static boolean isZombie(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException gone) {
            return true;
        }
    }

    private Set<ProcessHandle> current() {
        Set<ProcessHandle> now = descendants(root);
        now.removeAll(before);
        return now;
    }

    private static Set<ProcessHandle> descendants(ProcessHandle process) {
        try (Stream<ProcessHandle> all = process.descendants()) {
            return new HashSet<>(all.filter(ProcessHandle::isAlive).toList());
        }
    }

    /** A marker is not taken as the start of a longer number: {@code --pid=42} does not name {@code --pid=4242}. */
    private static boolean named(ProcessHandle p, String[] markers) {
        String command = p.info().commandLine().orElse("");
        return Stream.of(markers).anyMatch(m -> Pattern.compile(Pattern.quote(m) + "(?![0-9])").matcher(command).find());
    }
}
