package dev.vgharness.run;

import dev.vgharness.memcheck.ValgrindXmlParser;
import dev.vgharness.memcheck.ValgrindXmlReport;
import dev.vgharness.plan.Expectation;
import dev.vgharness.result.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The processes of a case other than its main one. Valgrind writes every process's exit-time results to its own
 * file ({@code --xml-file=<capture>/final.%p.xml}: a forked child reopens the file under its own pid, an exec'd
 * traced child is a new Valgrind that opens its own); each child gathers into its own {@link CaseState}, which a
 * traced child's gdb session fills with stops as well.
 */
final class ProcessFamily {

    /** The {@code --xml-file} pattern, relative to the capture folder; {@code %p} is each process's pid. */
    static final String XML_FILES = "final.%p.xml";
    private static final Pattern XML_FILE = Pattern.compile("final\\.(\\d+)\\.xml");

    /** By pid: pid order is start order until the kernel's pids wrap. */
    private final Map<Long, CaseState> children = new TreeMap<>();
    private final Set<Long> killed = new HashSet<>();
    private boolean timedOut;
    private final Set<Long> outOfValgrind = new java.util.TreeSet<>();

    /** The exit-time results of the process {@code pid} in {@code capture}. */
    static Path xmlFile(Path capture, long pid) {
        return capture.resolve(XML_FILES.replace("%p", Long.toString(pid)));
    }

    /** Children still running at the case's end, which closing the case kills (Valgrind may still write). */
    synchronized void killedAtEnd(List<Long> pids) {
        killed.addAll(pids);
    }

    /**
     * The case timed out: closing it sends every process of the case SIGTERM, so a child that Valgrind says was
     * killed by SIGTERM or SIGKILL was killed by the harness.
     */
    synchronized void caseTimedOut() {
        timedOut = true;
    }

    /** A child traced into its exec, about to be attached: its state, for its stops. */
    synchronized CaseState traced(long pid, long ppid, List<String> command) {
        CaseState state = children.computeIfAbsent(pid, p -> new CaseState());
        state.child(pid, ppid, command);
        return state;
    }

    /**
     * Reads every child's exit-time results: a file that cannot be read is that child's error. The main process's
     * ({@code mainPid}) is left to the caller.
     */
    void readFinals(Path capture, long mainPid, KnownLeaks known) {
        for (Map.Entry<Long, Path> file : xmlFiles(capture).entrySet()) {
            long pid = file.getKey();
            if (pid != mainPid) {
                readFinal(pid, file.getValue(), known);
            }
        }
    }

    private void readFinal(long pid, Path xml, KnownLeaks known) {
        ValgrindXmlReport report;
        try {
            report = ValgrindXmlParser.parse(xml);
        } catch (IOException | RuntimeException e) {
            CaseState state = stateOf(pid);
            state.child(pid, 0, List.of());
            state.fail("cannot read valgrind's XML report: " + e.getMessage());
            return;
        }
        if (leftValgrind(pid, report)) {
            return;
        }
        CaseState state = stateOf(pid);
        if (state.commandUnknown()) {
            state.child(pid, report.ppid() == null ? 0 : report.ppid(), report.argv());
        }
        state.running();
        state.readFinal(report, known);
        if (!report.complete() || wasKilled(pid) || killedByTimeout(report.fatalSignal())) {
            state.killedAtEnd();
        }
    }

    /**
     * A forked child that exec'd a program Valgrind does not follow (no {@code --trace-children=yes}, or one
     * {@code --trace-children-skip} names) leaves a file Valgrind began at the fork and never ended: not a process
     * Valgrind watched to its end, so it has no entry (the case's notes name it).
     */
    private synchronized boolean leftValgrind(long pid, ValgrindXmlReport report) {
        if (report.complete() || killed.contains(pid) || timedOut || children.containsKey(pid)) {
            return false;
        }
        outOfValgrind.add(pid);
        return true;
    }

    /** The children that exec'd out of Valgrind (see {@link #readFinals}), in pid order. */
    synchronized List<Long> outOfValgrind() {
        return List.copyOf(outOfValgrind);
    }

    private synchronized CaseState stateOf(long pid) {
        return children.computeIfAbsent(pid, p -> new CaseState());
    }

    private synchronized boolean killedByTimeout(String fatalSignal) {
        return timedOut && ("SIGTERM".equals(fatalSignal) || "SIGKILL".equals(fatalSignal));
    }

    private synchronized boolean wasKilled(long pid) {
        return killed.contains(pid);
    }

    private static Map<Long, Path> xmlFiles(Path capture) {
        Map<Long, Path> files = new TreeMap<>();
        try (Stream<Path> listed = Files.list(capture)) {
            listed.forEach(f -> {
                Matcher m = XML_FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    files.put(Long.parseLong(m.group(1)), f);
                }
            });
        } catch (IOException e) {
            // The capture folder is gone: no child left anything to read.
        }
        return files;
    }

    /** Every child's result, in start order, {@code expectations} checked for each. */
    synchronized List<ChildProcess> results(List<Expectation> expectations) {
        List<ChildProcess> results = new ArrayList<>();
        children.values().forEach(state -> results.add(state.childResult(expectations)));
        return results;
    }
}
