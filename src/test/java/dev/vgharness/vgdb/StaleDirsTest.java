package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harness killed with SIGKILL (OOM killer, CI cancel) runs no shutdown hook: its valgrind waits for gdb forever in
 * its private folder. The next run finds such folders by their free owner lock, ends their processes and removes
 * them; the folders of a harness still alive, this one's included, are never touched.
 */
class StaleDirsTest {

    @TempDir
    Path work;

    @Test
    void aFolderOfAHarnessKilledOutrightIsFoundThenSweptWithItsWaitingValgrind() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Path info = work.resolve("info");
        try (ChildJvm probe = new ChildJvm(List.of("-Djava.io.tmpdir=" + tmp), ReaperProbe.class.getName(),
                List.of(Fixtures.compile("src/leaky.c").toString(), info.toString(), TestTools.valgrind()),
                Duration.ofSeconds(90))) {
            awaitFile(info, probe);
            String[] fields = Files.readString(info).split(" ");
            ProcessHandle valgrind = ProcessHandle.of(Long.parseLong(fields[0])).orElseThrow();
            Path dir = Path.of(fields[1]);
            long harness = Long.parseLong(fields[2]);
            assertEquals(List.of(), StaleDirs.find(tmp), "the folder of a live harness is not stale");

            ProcessHandle.of(harness).orElseThrow().destroyForcibly();
            assertTrue(probe.awaitEnd(Duration.ofSeconds(30)), "the harness died");
            assertTrue(valgrind.isAlive(), "its valgrind waits for gdb in " + dir);

            assertEquals(List.of(new StaleDirs.Stale(dir, harness, 1)), StaleDirs.find(tmp));
            StaleDirs.Swept swept = StaleDirs.sweep(tmp);
            assertEquals(new StaleDirs.Swept(List.of(new StaleDirs.Stale(dir, harness, 1)), 1), swept);
            assertFalse(valgrind.isAlive(), "its valgrind was ended");
            assertFalse(Files.exists(dir), "its folder was removed");
        }
    }

    @Test
    void theFoldersOfThisHarnessAreNeverStale() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        try (PrivateDir own = PrivateDir.createIn(tmp)) {
            assertEquals(List.of(), StaleDirs.find(tmp));
            assertEquals(new StaleDirs.Swept(List.of(), 0), StaleDirs.sweep(tmp));
            assertTrue(Files.exists(own.path()));
        }
    }

    @Test
    void aFolderWithoutOwnerIsLeftAlone() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Path foreign = Files.createDirectory(tmp.resolve("vgharness-made-by-an-older-version"));

        assertEquals(new StaleDirs.Swept(List.of(), 0), StaleDirs.sweep(tmp));
        assertTrue(Files.exists(foreign));
    }

    private static void awaitFile(Path file, ChildJvm probe) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file) && !probe.hasEnded() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(file), "the probe started valgrind: " + probe.output());
    }
}
