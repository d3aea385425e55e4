package dev.vgharness;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Checks the tools an {@link EndToEnd} test names before it runs: a missing one fails the test with one line that
 * says what to install, never a silent skip; with {@code -Dvgharness.skipMissingTools=true} the test is skipped
 * with that line as the reason.
 */
final class RequiredTools implements BeforeAllCallback, BeforeEachCallback {

    static final String SKIP_PROPERTY = "vgharness.skipMissingTools";

    @Override
    public void beforeAll(ExtensionContext context) {
        check(context.getRequiredTestClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check(context.getRequiredTestMethod());
    }

    private static void check(AnnotatedElement element) {
        Optional<EndToEnd> needs = AnnotationSupport.findAnnotation(element, EndToEnd.class);
        if (needs.isEmpty()) {
            return;
        }
        for (TestTools.Tool tool : needs.get().value()) {
            Optional<String> problem = TestTools.problem(tool);
            if (problem.isPresent()) {
                if (Boolean.getBoolean(SKIP_PROPERTY)) {
                    Assumptions.abort(problem.get() + " (skipped: -D" + SKIP_PROPERTY + "=true)");
                }
                throw new MissingTool(problem.get() + " (or skip these tests: -D" + SKIP_PROPERTY + "=true)");
            }
        }
    }

    /** A failure whose one line is the whole story: no stack trace. */
    static final class MissingTool extends AssertionError {
        private static final long serialVersionUID = 1L;

        MissingTool(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
