package dev.vgharness.memcheck;

import java.util.List;
import java.util.Optional;

/**
 * The lines of a source file a stack frame names, when the caller can find it (the user's source roots): what a
 * leak identity hashes, so that it follows a line when code above it moves. This package reads no files itself.
 */
@FunctionalInterface
public interface SourceText {

    /** No sources: every site is known by its ordinal. */
    SourceText NONE = file -> Optional.empty();

    /** The lines of {@code file} as valgrind named it ({@code leaky.c}), when found. */
    Optional<List<String>> lines(String file);
}
