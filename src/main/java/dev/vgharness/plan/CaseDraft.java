package dev.vgharness.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a case or of {@code defaults:} as written, before they are merged; see {@link CaseSpec} for the
 * merge rules that {@link #over} applies.
 */
record CaseDraft(Optional<List<String>> command, Optional<Path> cwd, Map<String, String> env, Optional<Path> stdin,
        Optional<Duration> timeout, List<String> valgrindOptions, List<Path> suppressions,
        Map<String, Expectation> expectations, Optional<CaseMode> mode, MallocTuning malloc) {

    static final CaseDraft EMPTY = new CaseDraft(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
            Optional.empty(), List.of(), List.of(), Map.of(), Optional.empty(), MallocTuning.NONE);

    CaseDraft {
        env = new LinkedHashMap<>(env);
        valgrindOptions = List.copyOf(valgrindOptions);
        suppressions = List.copyOf(suppressions);
        expectations = new LinkedHashMap<>(expectations);
    }

    /** This case's settings with {@code defaults} filled in where the case has none. */
    CaseDraft over(CaseDraft defaults) {
        return new CaseDraft(command.or(defaults::command), cwd.or(defaults::cwd), merged(defaults.env, env),
                stdin.or(defaults::stdin), timeout.or(defaults::timeout),
                concat(defaults.valgrindOptions, valgrindOptions), concat(defaults.suppressions, suppressions),
                merged(defaults.expectations, expectations), mode.or(defaults::mode), malloc.over(defaults.malloc));
    }

    private static <V> Map<String, V> merged(Map<String, V> first, Map<String, V> winning) {
        Map<String, V> merged = new LinkedHashMap<>(first);
        merged.putAll(winning);
        return merged;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
