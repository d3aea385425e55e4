package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mallinfo2 read through gdb from the real fixture, with and without libc's debug info. */
@EndToEnd({Tool.GDB, Tool.COMPILERS})
class MallocInfoTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private MallocInfo readAtSecondRequest(boolean withoutLibcDebugInfo) throws Exception {
        List<String> argv = List.of(Fixtures.compile("src/growth.c").toString(), "small", "2");
        try (NativeTarget target = NativeTarget.start(GdbLaunch.defaults().withGdb(TestTools.gdb()), argv, java.util.Map.of(), Optional.empty(),
                dir)) {
            MiSession gdb = target.gdb();
            if (withoutLibcDebugInfo) {
                gdb.console("set debug-file-directory " + dir.resolve("none"), TIMEOUT);
                gdb.console("set debuginfod enabled off", TIMEOUT);
            }
            GdbCommands.breakInsert(gdb, "request_done", Optional.of("n == 2"), 0);
            target.run();
            gdb.awaitStop(TIMEOUT);
            return MallocInfo.read(gdb, TIMEOUT);
        }
    }

    @Test
    void theTypedCallAndTheHiddenResultPointerFallbackReadTheSameNumbers() throws Exception {
        MallocInfo typed = readAtSecondRequest(false);
        MallocInfo untyped = readAtSecondRequest(true);

        assertEquals(typed, untyped);
        assertEquals(0, typed.hblkhd());
        // Two requests of 100 x malloc(24) in 32-byte chunks, besides what libc itself allocated at startup.
        assertTrue(typed.uordblks() >= 2 * 100 * 32, () -> "uordblks " + typed.uordblks());
        assertEquals("", Files.readString(dir.resolve("target.stdout")));
    }
}
