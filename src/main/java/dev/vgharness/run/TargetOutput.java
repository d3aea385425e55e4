package dev.vgharness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The target's captured output files, capped for the report ({@link TextCap#TARGET_OUTPUT}, the cut said). */
final class TargetOutput {

    private TargetOutput() {
    }

    /**
     * The file's text, capped; empty when the target wrote nothing or the file could not be read (output is
     * evidence, not a verdict). Bytes that are not UTF-8 become U+FFFD.
     */
    static String read(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(file);
            return TextCap.cap(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), TextCap.TARGET_OUTPUT);
        } catch (IOException e) {
            return "";
        }
    }
}
