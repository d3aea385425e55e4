package dev.vgharness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The target's captured output file. */
final class TargetOutput {

    private TargetOutput() {
    }

    /** The file's text; empty when the target wrote nothing or the file could not be read (output is evidence, not a verdict). */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
