package dev.vgharness.run;

import dev.vgharness.plan.AttachSpec;
import dev.vgharness.vgdb.LiveProcess;
import java.io.IOException;
import java.nio.file.Files;

/** The pid an {@code attach:} names, read from its pidfile when the case runs, checked to be a live process. */
final class AttachedPid {

    private AttachedPid() {
    }

    static long resolve(AttachSpec attach) throws CaseProblem {
        long pid = attach.pid().isPresent() ? attach.pid().getAsLong() : fromFile(attach);
        if (!LiveProcess.exists(pid)) {
            throw new CaseProblem("attach: no process " + pid + attach.pidfile().map(f -> " (from " + f + ")")
                    .orElse(""));
        }
        return pid;
    }

    private static long fromFile(AttachSpec attach) throws CaseProblem {
        var file = attach.pidfile().orElseThrow();
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (IOException e) {
            throw new CaseProblem("attach: cannot read the pidfile " + file + ": " + e.getMessage());
        }
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CaseProblem("attach: the pidfile " + file + " holds '" + text + "', not a process id");
    }
}
