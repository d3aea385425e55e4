package dev.vgharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a command's input: a file, or standard input for {@code -}. */
final class InputFiles {

    private InputFiles() {
    }

    static InputStream open(String name, InputStream stdin) throws IOException {
        if (name.equals("-")) {
            return stdin;
        }
        Path path = Path.of(name);
        if (!Files.isRegularFile(path)) {
            throw new ExitCodes.UsageException(name + ": no such file");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new ExitCodes.UsageException(name + ": no such file");
        }
    }
}
