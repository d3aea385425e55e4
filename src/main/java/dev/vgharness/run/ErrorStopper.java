package dev.vgharness.run;

import dev.vgharness.memcheck.ErrorCountParser;
import dev.vgharness.memcheck.ErrorCounts;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.ValgrindLog;
import dev.vgharness.plan.ErrorStops;
import dev.vgharness.result.FrameLocals;
import dev.vgharness.result.StopFrame;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.GdbVariable;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes Valgrind stop at the next new Memcheck error, and tells an error stop from other SIGTRAPs. Valgrind stops
 * when {@code vgdb-error <= n_errs_shown}, and {@code n_errs_shown} grows with every new (not merged) error and with
 * every loss record a leak search prints; so before each continue the threshold is set one past what was shown:
 * <pre>
 * monitor v.info n_errs_found   →  n_errs_found 3 n_errs_shown 2 (vgdb-error 2)
 * monitor v.set vgdb-error 3    →  the next new error stops as signal-received SIGTRAP
 * </pre>
 * After {@code max_stops} error stops the threshold goes to 999999, so later errors are only counted.
 */
final class ErrorStopper {

    private static final long NEVER = 999_999;

    private final ErrorStops spec;
    private final Duration timeout;
    private long threshold = NEVER;
    private int stops;

    ErrorStopper(ErrorStops spec, Duration timeout) {
        this.spec = spec;
        this.timeout = timeout;
    }

    /** Sets the threshold for the next new error; once {@code max_stops} were made, turns error stops off. */
    void arm(MiSession gdb) throws MiSessionException, StopFailure {
        long next = stops >= spec.maxStops() ? NEVER : counts(gdb).shown() + 1;
        if (next != threshold) {
            gdb.monitor("v.set vgdb-error " + next, timeout);
            threshold = next;
        }
    }

    /** True when this SIGTRAP stop is Valgrind's stop at a new error (an interrupt is a SIGTRAP too). */
    boolean isErrorStop(MiSession gdb, StopEvent stop) throws MiSessionException, StopFailure {
        if (threshold == NEVER || !stop.signal().filter("SIGTRAP"::equals).isPresent()) {
            return false;
        }
        return counts(gdb).shown() >= threshold;
    }

    /** Counts this error stop; its 1-based number. */
    int count() {
        return ++stops;
    }

    boolean exhausted() {
        return stops >= spec.maxStops();
    }

    ErrorStops spec() {
        return spec;
    }

    /** The error the target stopped at, as {@code v.info last_error} prints it. */
    MemcheckError lastError(MiSession gdb) throws MiSessionException, StopFailure {
        String text = gdb.monitor("v.info last_error", timeout);
        List<MemcheckError> errors = ValgrindLog.parse(text).errors();
        if (errors.isEmpty()) {
            throw new StopFailure("on_error: cannot read 'v.info last_error': " + firstLine(text));
        }
        return errors.get(errors.size() - 1);
    }

    static List<StopFrame> backtrace(List<GdbFrame> frames) {
        return frames.stream().map(f -> new StopFrame(f.function(), f.file().orElse(null), f.line().orElse(null),
                f.address())).toList();
    }

    /** The arguments and locals of the first {@code frames} frames whose source file is on this machine. */
    List<FrameLocals> locals(MiSession gdb, int thread, List<GdbFrame> frames) throws MiSessionException {
        List<FrameLocals> locals = new ArrayList<>();
        for (GdbFrame f : frames) {
            if (!spec.locals() || locals.size() >= spec.frames()) {
                break;
            }
            if (f.fullname().map(Path::of).filter(Files::isRegularFile).isPresent()) {
                List<FrameLocals.Variable> variables = GdbCommands.variables(gdb, thread, f.level()).stream()
                        .map(ErrorStopper::variable).toList();
                locals.add(new FrameLocals(f.level(), f.function(), f.file().orElse(null), f.line().orElse(null),
                        variables));
            }
        }
        return locals;
    }

    private static FrameLocals.Variable variable(GdbVariable v) {
        return new FrameLocals.Variable(v.name(), v.type(), v.value().orElse(null), v.argument());
    }

    private ErrorCounts counts(MiSession gdb) throws MiSessionException, StopFailure {
        String text = gdb.monitor("v.info n_errs_found", timeout);
        return ErrorCountParser.parse(text).orElseThrow(
                () -> new StopFailure("on_error: cannot read 'v.info n_errs_found': " + firstLine(text)));
    }

    private static String firstLine(String text) {
        return text.isBlank() ? "no answer" : text.strip().lines().findFirst().orElse("");
    }
}
