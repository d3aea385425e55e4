package dev.vgharness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (class or method) that runs real tools: tagged {@value #TAG} so that {@code scripts/test --fast} can leave it
 * out, given a longer timeout than the unit tests' default, and failed with one line saying what to install when a
 * tool it names is missing ({@code -Dvgharness.skipMissingTools=true} skips it instead, for a developer who knows).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(EndToEnd.TAG)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@ExtendWith(RequiredTools.class)
public @interface EndToEnd {

    String TAG = "end-to-end";

    /** The tools the test runs. */
    TestTools.Tool[] value();
}
