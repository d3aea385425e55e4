package dev.vgharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.AutoComplete;

/**
 * Writes the files the distribution archive carries besides the jar, from the picocli model of the commands: the
 * bash/zsh completion script ({@code vgharness.bash}, picocli's {@link AutoComplete}) and the man page
 * ({@code vgharness.1}). Run by {@code mvn package} ({@code pom.xml}), not by users.
 */
public final class DistributionFiles {

    private DistributionFiles() {
    }

    /** {@code args[0]}: the folder to write into (made when missing). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistributionFiles DIR");
        }
        write(Path.of(args[0]), LocalDate.now(ZoneOffset.UTC));
    }

    static void write(Path dir, LocalDate date) throws IOException {
        Files.createDirectories(dir);
        String completion = AutoComplete.bash("vgharness", VgharnessCommand.commandLine());
        Files.writeString(dir.resolve("vgharness.bash"), completion);
        Files.writeString(dir.resolve("vgharness.1"),
                ManPage.of(VgharnessCommand.commandLine(), VgharnessCommand.Version.number(), date));
    }
}
