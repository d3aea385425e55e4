package dev.vgharness.memcheck.bench;

import dev.vgharness.cli.ParseMemcheckCommand;
import picocli.CommandLine;

/** Runs {@code parse memcheck --stats FILE} on its own, for the flat-memory run of scripts/bench-memcheck. */
public final class StatsMain {

    private StatsMain() {
    }

    public static void main(String[] args) {
        int status = new CommandLine(new ParseMemcheckCommand()).execute("--stats", args[0]);
        if (status != 0) {
            throw new IllegalStateException("parse memcheck --stats failed with status " + status);
        }
    }
}
