package dev.vgharness.run;

import dev.vgharness.plan.Suggestions;
import dev.vgharness.vgdb.ElfSymbols;
import dev.vgharness.vgdb.LoadedCode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why gdb never set a breakpoint, in words for its error: the libraries the target loaded (gdb's names), and for a
 * function location the closest function name the program or those libraries define.
 * <pre>
 * Function "plug_rnu" not defined, at the start or in any library loaded later (libraries loaded:
 * /lib64/ld-linux-x86-64.so.2, /lib/x86_64-linux-gnu/libc.so.6, ./libplugin.so; did you mean 'plug_run' in
 * ./libplugin.so?)
 * </pre>
 */
public final class UnresolvedLocation {

    /** {@code plug_run}, {@code ns::f}, or the function of {@code file.c:plug_run}; not lines or addresses. */
    private static final Pattern FUNCTION = Pattern.compile("(?:[^:*\\s]+:)?([A-Za-z_][\\w:~]*)");

    private UnresolvedLocation() {
    }

    /**
     * @param gdbSaid what gdb said when it made the breakpoint pending, or ""
     * @param executable the program's file, when known (its own functions are candidates too)
     * @param cwd what relative library names are relative to (the target's working directory)
     */
    public static String explain(String location, String gdbSaid, List<LoadedCode.Library> libraries,
            Optional<Path> executable, Path cwd) {
        String reason = gdbSaid.isBlank() ? "no code defines it"
                : gdbSaid.strip().replaceAll("\\s*\\n\\s*", " ").replaceFirst("\\.$", "");
        StringBuilder text = new StringBuilder(reason)
                .append(", at the start or in any library loaded later (libraries loaded: ");
        text.append(libraries.isEmpty() ? "none" : String.join(", ",
                libraries.stream().map(LoadedCode.Library::name).toList()));
        suggestion(location, libraries, executable, cwd).ifPresent(s -> text.append("; did you mean ").append(s)
                .append('?'));
        return text.append(')').toString();
    }

    private static Optional<String> suggestion(String location, List<LoadedCode.Library> libraries,
            Optional<Path> executable, Path cwd) {
        Matcher m = FUNCTION.matcher(location.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> definedIn = new LinkedHashMap<>();
        executable.ifPresent(exe -> ElfSymbols.functions(exe).forEach(f -> definedIn.putIfAbsent(f, "the program")));
        for (LoadedCode.Library library : libraries) {
            ElfSymbols.functions(cwd.resolve(library.file())).forEach(f -> definedIn.putIfAbsent(f, library.name()));
        }
        String word = m.group(1);
        return Suggestions.closest(word, definedIn.keySet()).filter(f -> !f.equals(word))
                .map(f -> "'" + f + "' in " + definedIn.get(f));
    }
}
