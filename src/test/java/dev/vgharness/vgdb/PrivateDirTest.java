package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirTest {

    @TempDir
    Path parent;

    @Test
    void isCreatedWithMode0700AndOffersThePrefixInside() throws Exception {
        try (PrivateDir dir = PrivateDir.createIn(parent)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path())));
            assertEquals(dir.path().resolve("vgdb"), dir.vgdbPrefix());
        }
    }

    @Test
    void isGoneAfterCloseWithItsFifosAndSubdirectories() throws Exception {
        PrivateDir dir = PrivateDir.createIn(parent);
        Path fifo = dir.path().resolve("vgdb-from-vgdb-to-1-by-me-on-host");
        ShortCommand.Result mkfifo = ShortCommand.run(List.of("mkfifo", fifo.toString()), null, Duration.ofSeconds(10));
        assertTrue(mkfifo.succeeded(), mkfifo.stderr());
        Files.createDirectories(dir.path().resolve("sub/deeper"));
        Files.writeString(dir.path().resolve("sub/deeper/file"), "x");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "a FIFO was made");

        dir.close();

        assertFalse(Files.exists(dir.path()));
    }

    @Test
    void closingTwiceIsQuiet() {
        PrivateDir dir = PrivateDir.createIn(parent);
        dir.close();
        dir.close();
        assertFalse(Files.exists(dir.path()));
    }
}
