package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded and validated test plan ({@code version: 1}, {@code name: request-handler}, {@code cases: [...]}),
 * see docs/plan.md. Built by {@link PlanLoader#load}.
 *
 * @param name the plan's {@code name:}, or the file name without its extension
 * @param path the plan file as the user named it (messages show it like this)
 * @param folder the plan file's folder, absolute; relative paths in the plan are relative to it
 * @param build a shell command run once in {@code folder} before any case, if the plan has one
 */
public record Plan(int version, String name, Path path, Path folder, Optional<String> build, List<CaseSpec> cases) {

    public Plan {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        requireNonNull(folder, "folder is null");
        requireNonNull(build, "build is null");
        cases = List.copyOf(cases);
    }
}
