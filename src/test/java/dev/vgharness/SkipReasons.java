package dev.vgharness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists every skipped test with its reason in {@code target/skipped-tests.txt}, which {@code scripts/test} prints, so
 * that a test skipped for the valgrind version it needs says why where everyone looks. Registered through
 * {@code META-INF/services}.
 */
public final class SkipReasons implements TestExecutionListener {

    static final Path FILE = Path.of("target", "skipped-tests.txt");

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        write("", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private static void skipped(TestIdentifier test, String reason) {
        String where = test.getSource().map(Object::toString).orElse(test.getDisplayName())
                .replaceAll("^(?:Method|Class)Source \\[className = '([^']+)'(?:, methodName = '([^']+)')?.*$", "$1#$2")
                .replaceAll("#$", "");
        write("skipped " + where + ": " + reason + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static synchronized void write(String text, StandardOpenOption... options) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
