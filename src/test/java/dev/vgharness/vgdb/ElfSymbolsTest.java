package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Function names read from ELF files for "did you mean": a fixture library and program built with gcc. */
class ElfSymbolsTest {

    @TempDir
    Path dir;

    @Test
    void aSharedLibraryListsTheFunctionsItDefines() {
        Set<String> functions = ElfSymbols.functions(Fixtures.sharedLibrary("src/plugin.c"));
        assertTrue(functions.containsAll(Set.of("plug_run", "plug_version")), functions.toString());
    }

    @Test
    void aProgramListsItsOwnFunctionsAndNotTheOnesItOnlyCalls() {
        Set<String> functions = ElfSymbols.functions(Fixtures.compile("src/plughost.c", "-ldl"));
        assertTrue(functions.contains("main"), functions.toString());
        assertTrue(!functions.contains("dlopen") && !functions.contains("plug_run"), functions.toString());
    }

    @Test
    void aFileThatIsNotElfOrNotThereHasNoFunctions() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an ELF file, but long enough to have a header "
                + "of sixty-four bytes to look at");
        assertEquals(Set.of(), ElfSymbols.functions(text));
        assertEquals(Set.of(), ElfSymbols.functions(dir.resolve("missing.so")));
    }
}
