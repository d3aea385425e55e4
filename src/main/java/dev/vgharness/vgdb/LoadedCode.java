package dev.vgharness.vgdb;

import dev.vgharness.mi.MiRecord;
import dev.vgharness.mi.MiTuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What gdb told about code while a target ran: the shared libraries it loaded and, per breakpoint, whether gdb ever
 * put it into code, from {@code -break-insert} answers and these events:
 * <pre>
 * =library-loaded,id="./libplugin.so",target-name="./libplugin.so",host-name="./libplugin.so",symbols-loaded="0",...
 * =breakpoint-modified,bkpt={number="1",...,addr="0x0000000004853124",func="plug_run",file="plugin.c",line="6",...}
 * </pre>
 * Kept for the whole session: at the target's exit gdb unloads every library and sets every breakpoint in one back
 * to {@code <PENDING>}, so the state at the end cannot tell a breakpoint that was set from one that never was.
 */
public final class LoadedCode {

    /** A library the target loaded: gdb's name for it and the file gdb read it from (maybe relative). */
    public record Library(String name, Path file) {
    }

    private final List<Library> libraries = new ArrayList<>();
    private final Map<String, GdbBreakpoint> resolved = new HashMap<>();
    private final Map<String, GdbFrame> rejected = new HashMap<>();
    private final Map<String, String> pendingBecause = new HashMap<>();

    /** Every library loaded so far, in load order, each once; valgrind's own preloaded objects left out. */
    public synchronized List<Library> libraries() {
        return List.copyOf(libraries);
    }

    /** True once the breakpoint had a location in code where it could stop. */
    public synchronized boolean resolved(String number) {
        return resolved.containsKey(number);
    }

    /** Where gdb first set the breakpoint in code, if it did. */
    public synchronized Optional<GdbBreakpoint> resolution(String number) {
        return Optional.ofNullable(resolved.get(number));
    }

    /**
     * Where gdb disabled the breakpoint because its condition is not valid there (a PLT stub does not count: gdb
     * moves the breakpoint to the function itself once the library is loaded), if it did.
     */
    public synchronized Optional<GdbFrame> rejectedAt(String number) {
        return Optional.ofNullable(rejected.get(number));
    }

    /** gdb's words when it made the breakpoint pending ({@code Function "plug_run" not defined.}), or "". */
    public synchronized String pendingBecause(String number) {
        return pendingBecause.getOrDefault(number, "");
    }

    /** Takes in gdb's answer to {@code -break-insert}: the breakpoint and, when pending, what gdb said why. */
    synchronized void inserted(GdbBreakpoint bp, String log) {
        if (bp.pending()) {
            pendingBecause.put(bp.number(), log);
        }
        seen(bp);
    }

    /** Takes in what gdb said about a breakpoint. */
    private synchronized void seen(GdbBreakpoint bp) {
        if (bp.resolved()) {
            resolved.putIfAbsent(bp.number(), bp);
        }
        bp.disabledLocations().stream().filter(f -> !f.isPltStub()).findFirst()
                .ifPresent(f -> rejected.putIfAbsent(bp.number(), f));
    }

    /** Takes in a notification; called by the session's reader for every {@code =...} record. */
    void notified(MiRecord.Async event) {
        try {
            switch (event.asyncClass()) {
                case "library-loaded" -> event.optionalString("id").ifPresent(id ->
                        loaded(id, event.optionalString("host-name").orElse(id)));
                case "breakpoint-created", "breakpoint-modified" -> {
                    if (event.find("bkpt").orElse(null) instanceof MiTuple bkpt && bkpt.has("number")) {
                        seen(GdbBreakpoint.of(bkpt));
                    }
                }
                default -> {
                    // Other notifications tell nothing about where code is.
                }
            }
        } catch (RuntimeException e) {
            // A shape gdb has never printed (MiFieldException, a bad number): the reader thread must go on.
        }
    }

    private synchronized void loaded(String name, String file) {
        boolean valgrinds = Path.of(file).getFileName() != null
                && Path.of(file).getFileName().toString().startsWith("vgpreload_");
        if (!valgrinds && libraries.stream().noneMatch(l -> l.name().equals(name))) {
            libraries.add(new Library(name, Path.of(file)));
        }
    }
}
