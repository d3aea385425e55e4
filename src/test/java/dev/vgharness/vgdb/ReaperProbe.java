package dev.vgharness.vgdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM for {@link ChildReaperTest}: {@code ReaperProbe PROGRAM INFO-FILE VALGRIND} starts a program under
 * that valgrind, writes
 * {@code <valgrind pid> <private dir> <own pid>} to a file, and waits to be killed.
 */
public final class ReaperProbe {

    private ReaperProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path info = Path.of(args[1]);
        ValgrindProcess vg = ValgrindProcess.start(ValgrindLaunch.of(List.of(args[0]), info.getParent())
                .withValgrind(args[2]));
        Path tmp = Files.writeString(info.resolveSibling("info.tmp"),
                vg.pid() + " " + vg.vgdbPrefix().getParent() + " " + ProcessHandle.current().pid());
        Files.move(tmp, info);
        Thread.sleep(60_000);
    }
}
