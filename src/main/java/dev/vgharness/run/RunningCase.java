package dev.vgharness.run;

import dev.vgharness.result.CaseResult;

/** One case being run, in whichever mode: its result at the end, or as far as it got. */
interface RunningCase {

    CaseResult run();

    /** The case as far as it got, for a partial report when the harness is stopped. */
    CaseResult partial();
}
