package dev.vgharness.cli;

import dev.vgharness.result.CaseResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;

/** Infrastructure problems and warnings also go to stderr, one line each, where CI logs and people look for them. */
final class CaseErrors {

    private CaseErrors() {
    }

    static void print(RunResult result) {
        if (result.build() != null) {
            System.err.println("vgharness: build failed (exit " + result.build().exitCode() + "): "
                    + result.build().command() + " (its output is in the report)");
        }
        for (CaseResult c : result.cases()) {
            if (c.status() == RunStatus.ERROR && c.error() != null) {
                System.err.println("vgharness: case '" + c.name() + "': " + c.error());
            }
            c.warnings().forEach(w -> System.err.println("vgharness: case '" + c.name() + "': warning: " + w));
        }
        System.err.flush();
    }
}
