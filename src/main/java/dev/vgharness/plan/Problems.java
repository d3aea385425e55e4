package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import dev.vgharness.plan.YamlNode.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one plan file so that all of them are reported together, in file order. */
final class Problems {

    private final String file;
    private final List<Located> found = new ArrayList<>();

    Problems(String file) {
        this.file = requireNonNull(file, "file is null");
    }

    String file() {
        return file;
    }

    /** Line breaks in the message (from a key or value the user wrote) are escaped: a problem is one line. */
    void add(Location location, String message) {
        found.add(new Located(location, message.replace("\r", "\\r").replace("\n", "\\n")));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Sorted by location; problems found at the same place keep the order they were found in. */
    List<PlanProblem> inFileOrder() {
        return found.stream()
                .sorted(Comparator.comparing(Located::location))
                .map(p -> new PlanProblem(file, p.location().line(), p.location().col(), p.message()))
                .toList();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new PlanException(inFileOrder());
        }
    }

    private record Located(Location location, String message) {
    }
}
