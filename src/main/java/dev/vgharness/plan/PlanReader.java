package dev.vgharness.plan;

import dev.vgharness.plan.YamlNode.YamlList;
import dev.vgharness.plan.YamlNode.YamlMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the top level of a plan ({@code version}, {@code name}, {@code build}, {@code defaults}, {@code cases}). */
final class PlanReader {

    static final int VERSION = 1;
    static final List<String> KEYS = List.of("version", "name", "build", "defaults", "cases");

    private final Values values;
    private final Path path;

    PlanReader(Values values, Path path) {
        this.values = values;
        this.path = path;
    }

    Optional<Plan> read(YamlNode root) {
        if (!(root instanceof YamlMap map)) {
            values.wrong(root, "a plan", "a map with 'version' and 'cases'");
            return Optional.empty();
        }
        Fields f = new Fields(map, "", PlanMap.PLAN, values.problems());
        f.get("version").flatMap(n -> values.integer(n, f.what("version"), 0)).ifPresent(v -> {
            if (v != VERSION) {
                values.problems().add(f.get("version").get().location(),
                        "unsupported version " + v + " (this vgharness reads version " + VERSION + ")");
            }
        });
        String name = f.get("name").flatMap(n -> values.nonEmptyString(n, f.what("name"))).orElse(defaultName());
        Optional<String> build = f.get("build").flatMap(n -> values.nonEmptyString(n, f.what("build")));
        CaseReader reader = new CaseReader(values);
        CaseDraft defaults = f.get("defaults").map(reader::defaults).orElse(CaseDraft.EMPTY);
        List<CaseSpec> cases = f.require("cases").map(n -> cases(n, f.what("cases"), reader, defaults)).orElse(List.of());
        return Optional.of(new Plan(VERSION, name, path, values.folder(), build, cases));
    }

    private List<CaseSpec> cases(YamlNode node, String what, CaseReader reader, CaseDraft defaults) {
        Optional<YamlList> list = values.list(node, what);
        if (list.isPresent() && list.get().items().isEmpty()) {
            values.problems().add(node.location(), what + " must not be empty: a plan needs at least one case");
        }
        List<YamlNode> items = list.map(YamlList::items).orElse(List.of());
        List<CaseSpec> cases = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            reader.read(items.get(i), i + 1, defaults).ifPresent(cases::add);
        }
        return cases;
    }

    /** {@code request-handler.yaml} is named {@code request-handler}. */
    private String defaultName() {
        String file = path.getFileName() == null ? "plan" : path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
