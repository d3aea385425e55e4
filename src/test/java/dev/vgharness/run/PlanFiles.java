package dev.vgharness.run;

import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Writes a plan into a folder and runs it for real: valgrind, gdb and the fixture programs. */
final class PlanFiles {

    private PlanFiles() {
    }

    /** Runs {@code yaml}, written as {@code dir/name}, with the options and a case timeout of 90 s. */
    static RunResult run(Path dir, String name, String yaml, RunOptions options) throws Exception {
        Path plan = Files.writeString(dir.resolve(name), yaml);
        return new PlanRunner(options.withDefaultTimeout(Duration.ofSeconds(90)), Clock.systemUTC(), "test")
                .run(PlanLoader.load(plan));
    }
}
