package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import dev.vgharness.result.CaseResult;

/**
 * The run's {@link RunOptions.Progress} as one case's runner sees it: the stops it reaches are told with the case's
 * name, which the runner's {@link StopRecorder} does not know.
 */
final class CaseProgress implements RunOptions.Progress {

    private final RunOptions.Progress run;
    private final String caseName;

    CaseProgress(RunOptions.Progress run, String caseName) {
        this.run = requireNonNull(run, "run is null");
        this.caseName = requireNonNull(caseName, "caseName is null");
    }

    /** Tells the run that this case reached a stop. */
    static void stopped(RunOptions options) {
        if (options.progress() instanceof CaseProgress named) {
            named.run.caseStopped(named.caseName);
        }
    }

    @Override
    public void caseStarted(String name) {
        run.caseStarted(name);
    }

    @Override
    public void caseStopped(String name) {
        run.caseStopped(name);
    }

    @Override
    public void caseFinished(CaseResult result) {
        run.caseFinished(result);
    }
}
