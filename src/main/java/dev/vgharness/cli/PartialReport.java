package dev.vgharness.cli;

import dev.vgharness.result.RunResult;
import dev.vgharness.run.PlanRunner;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ctrl-C or SIGTERM in the middle of a run: the children are ended by the vgdb package's reaper, and this hook
 * writes the reports with everything gathered until then (running cases marked as interrupted).
 */
final class PartialReport {

    private PartialReport() {
    }

    static RunResult whileRunning(PlanRunner runner, Consumer<RunResult> writeReports, Supplier<RunResult> run) {
        Thread hook = new Thread(() -> {
            RunResult partial = runner.partial();
            if (partial != null) {
                System.err.println("vgharness: interrupted; writing what was gathered");
                writeReports.accept(partial);
            }
        }, "vgharness-partial-report");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting: the hook is running or has run.
            }
        }
    }
}
