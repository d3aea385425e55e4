package dev.vgharness.vgdb;

import java.util.OptionalInt;

/**
 * How a process ended: an exit code ({@code exited 10}) or a signal ({@code killed by signal 11}). Java reports
 * a death by signal N as 128+N, so codes above 128 are read as signals, as shells do.
 */
public record ProcessExit(OptionalInt code, OptionalInt signal) {

    public ProcessExit {
        if (code.isPresent() == signal.isPresent()) {
            throw new IllegalArgumentException("exactly one of code and signal is needed");
        }
    }

    public static ProcessExit exited(int code) {
        return new ProcessExit(OptionalInt.of(code), OptionalInt.empty());
    }

    public static ProcessExit signalled(int signal) {
        return new ProcessExit(OptionalInt.empty(), OptionalInt.of(signal));
    }

    /** From {@link Process#exitValue()}: 128+N means signal N. */
    public static ProcessExit fromJava(int exitValue) {
        return exitValue > 128 && exitValue < 128 + 65 ? signalled(exitValue - 128) : exited(exitValue);
    }

    @Override
    public String toString() {
        return code.isPresent() ? "exited " + code.getAsInt() : "killed by signal " + signal.getAsInt();
    }
}
