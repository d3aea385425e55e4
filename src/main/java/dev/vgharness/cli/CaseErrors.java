package dev.vgharness.cli;

import dev.vgharness.result.CaseResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;

/** Infrastructure problems and warnings also go to stderr, one line each, where CI logs and people look for them. */
final class CaseErrors {

    private CaseErrors() {
    }

    static void print(RunResult result, java.io.PrintWriter err) {
        if (result.build() != null) {
            err.println("vgharness: build failed (exit " + result.build().exitCode() + "): "
                    + result.build().command() + " (its output is in the report)");
        }
        for (CaseResult c : result.cases()) {
            if (c.status() == RunStatus.ERROR && c.error() != null) {
                err.println("vgharness: case '" + c.name() + "': " + c.error());
            }
            c.warnings().forEach(w -> err.println("vgharness: case '" + c.name() + "': warning: " + w));
        }
        err.flush();
    }
}
