package dev.vgharness.repl;

import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.StopEvent;
import java.util.Optional;

/**
 * Where the program under the REPL is, as the prompt shows it: {@code (vgh no target)}, {@code (vgh running)},
 * {@code (vgh stopped main.c:42)}, {@code (vgh exited 0)}.
 */
public sealed interface TargetState {

    /** The text between {@code (vgh } and {@code )}. */
    String describe();

    default String prompt() {
        return "(vgh " + describe() + ") ";
    }

    /** Nothing started yet, or the last target was ended. */
    record NoTarget() implements TargetState {
        @Override
        public String describe() {
            return "no target";
        }
    }

    /** The program runs; gdb waits for its next stop. */
    record Running() implements TargetState {
        @Override
        public String describe() {
            return "running";
        }
    }

    /** Stopped at a frame ({@code main.c:42}, or the function when there is no line information). */
    record Stopped(String where) implements TargetState {
        @Override
        public String describe() {
            return "stopped " + where;
        }

        static Stopped at(Optional<GdbFrame> frame) {
            return new Stopped(frame.map(Stopped::where).orElse("?"));
        }

        static String where(GdbFrame f) {
            if (f.file().isPresent() && f.line().isPresent()) {
                // The file's name only, as gdb's own stop lines show it: (vgh stopped leaky.c:38).
                return java.nio.file.Path.of(f.file().get()).getFileName() + ":" + f.line().get();
            }
            return f.function();
        }
    }

    /** The program ended: its exit code, or the signal that killed it. */
    record Exited(String how) implements TargetState {
        @Override
        public String describe() {
            return "exited " + how;
        }

        static Exited of(StopEvent stop) {
            return new Exited(stop.exitCode().map(String::valueOf).orElse(stop.signal().orElse("?")));
        }
    }
}
