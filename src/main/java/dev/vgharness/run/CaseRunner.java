package dev.vgharness.run;

import dev.vgharness.memcheck.MemcheckTextException;
import dev.vgharness.plan.CaseSpec;
import dev.vgharness.result.CaseResult;
import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.HarnessException;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.PrivateDir;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What every case runner does the same, written once: a private capture folder, the target's output followed, the
 * case's deadline, every failure kept as the case's error with what was gathered until then, the captured output
 * read, and the result. A runner says how the target runs ({@link #runIn}) and what it reads at the end
 * ({@link #finish}).
 */
abstract sealed class CaseRunner implements RunningCase permits MemcheckCaseRunner, NativeCaseRunner {

    final CaseSpec spec;
    final RunOptions options;
    final CaseState state = new CaseState();
    final long started = System.nanoTime();
    /** The case's end (nanoTime): its timeout from its start. */
    final long deadline;

    CaseRunner(CaseSpec spec, RunOptions options) {
        this.spec = spec;
        this.options = options;
        this.deadline = started + timeout().toNanos();
    }

    @Override
    public CaseResult partial() {
        return state.interrupted(spec, elapsedMs());
    }

    @Override
    public final CaseResult run() {
        try (PrivateDir capture = PrivateDir.create()) {
            try (OutputFollower shown = OutputFollower.of(options, spec.name(), capture.path())) {
                runIn(capture.path());
            } catch (CaseTimeout e) {
                timedOut();
            } catch (HarnessException | MiSessionException | StopFailure | CaseProblem | TargetStuck e) {
                state.fail(e.getMessage());
            } catch (MemcheckTextException e) {
                state.fail("cannot read valgrind's answer: " + e.getMessage());
            } catch (RuntimeException e) {
                // A bug of ours must not lose the other cases or what this one gathered.
                state.fail("internal error: " + e + " (please report it, with the -v output)");
            } finally {
                finish(capture.path());
                state.readOutput(capture.path().resolve("target.stdout"), capture.path().resolve("target.stderr"));
            }
        } catch (HarnessException e) {
            state.fail(e.getMessage());
        }
        return result(elapsedMs());
    }

    /** Runs the target to its end, gathering into {@link #state}; the capture folder holds its output. */
    abstract void runIn(Path capture) throws MiSessionException, StopFailure, CaseProblem, CaseTimeout, TargetStuck;

    /** Reads what the target left in the capture folder, whatever happened. */
    void finish(Path capture) {
    }

    /** The case's result from its state. */
    CaseResult result(long durationMs) {
        return state.result(spec, durationMs);
    }

    void timedOut() {
        state.timedOut(timeout());
    }

    final Duration timeout() {
        return spec.timeoutOr(options.defaultTimeout());
    }

    /** gdb as the options say, its traffic prefixed with the case's name for -v. */
    final GdbLaunch gdbLaunch() {
        String name = spec.name();
        return GdbLaunch.defaults().withGdb(options.gdb()).withCommandTimeout(options.commandTimeout())
                .withTraffic(line -> options.traffic().accept("[" + name + "] " + line));
    }

    final long elapsedMs() {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
