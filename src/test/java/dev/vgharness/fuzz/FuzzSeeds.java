package dev.vgharness.fuzz;

import dev.vgharness.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recorded fixtures a campaign mutates, read as bytes as chars (ISO-8859-1), and the fragments worth inserting.
 * <pre>
 *     0.095 &lt;- =thread-group-added,id="i1"     (transcript: the line after " &lt;- " is a seed)
 * </pre>
 */
public final class FuzzSeeds {

    /** MI metacharacters, escapes and record starts. */
    public static final List<String> MI_DICTIONARY = List.of("\"", "{", "}", "[", "]", ",", "=", "\\", "\\\"",
            "\\e", "\\033", "\\377", "\\0", "\\n", "{}", "[]", "[[", "{{", "=\"\"", "a=", ",a=\"1\"", "^done",
            "^error,msg=\"", "^running", "*stopped,", "=thread-group-added,", "+download,", "~\"", "@\"", "&\"",
            "(gdb) ", "123", "frame={", "args=[", "\u00ff", "\u00e9", "\u0080", "\r", "\n", "\t", " ");

    /** Memcheck monitor and log vocabulary. */
    public static final List<String> MEMCHECK_DICTIONARY = List.of("==1234== ", "==1== ", "==", "\n", "\n\n",
            "   at 0x", "   by 0x", "0x48417B4: malloc (vg_replace_malloc.c:381)", " (in /lib/x.so)", "(+",
            "(-", ")", " bytes in ", " blocks are definitely lost in loss record ", " blocks are indirectly lost in ",
            " blocks are possibly lost in ", " blocks are still reachable in ", " of ", " (16 direct, 48 indirect)",
            "LEAK SUMMARY:", "HEAP SUMMARY:", "ERROR SUMMARY: ", "   definitely lost: ", "   suppressed: ",
            "    in use at exit: ", "  total heap usage: ", "[16]", " indirect loss record ", "  ", "    ",
            "Searching for pointers to ", "Searching for pointers pointing in ", "*0x10c0a0 points at 0x4a5a040",
            " interior points at ", " bytes inside ", "Address 0x", " is 0 bytes inside a block of size ",
            "block at 0x4d6dd90 considered reachable by ptr 0x4d6dda0 using ", "tid 1 register RBX pointing at ",
            "Invalid read of size 4", "Conditional jump or move depends on uninitialised value(s)", "{", "}",
            "<insert_a_suppression_name_here>", "   Memcheck:Leak", "n_errs_found 1 n_errs_shown 1 (vgdb-error 0)",
            "max_loss_records_output must be >= 1, got 0", "1,234,567", "\u00ff", "\u0000", "\r", "\t");

    /** Valgrind XML vocabulary. */
    public static final List<String> XML_DICTIONARY = List.of("<", ">", "</", "/>", "&amp;", "&#0;", "&#xffff;",
            "&unknown;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY e \"e\">]>",
            "<error>", "</error>", "<kind>Leak_DefinitelyLost</kind>", "<kind>InvalidRead</kind>", "<unique>0x1</unique>",
            "<count>", "</count>", "<pid>", "</pid>", "<protocolversion>", "</protocolversion>", "<frame>", "<stack>",
            "<xwhat>", "<leakedbytes>", "<errorcounts><pair><count>x</count><unique>0xzz</unique></pair></errorcounts>",
            "<suppcounts>", "<status><state>", "\u00ff", "\u0000");

    private FuzzSeeds() {
    }

    /** Every line of the recorded MI sessions and transcripts. */
    public static List<String> miLines() {
        List<String> lines = new ArrayList<>();
        files("mi", ".mi").forEach(f -> lines.addAll(readLines(f)));
        Stream.concat(files("mi/samples", ".transcript").stream(), files("memcheck", ".mi.transcript").stream())
                .forEach(f -> readLines(f).stream().filter(l -> l.contains(" <- "))
                        .map(l -> l.substring(l.indexOf(" <- ") + 4)).forEach(lines::add));
        return lines;
    }

    /** The recorded monitor answers and valgrind logs. */
    public static List<String> memcheckTexts() {
        List<String> texts = new ArrayList<>();
        for (String suffix : List.of(".txt", ".log", ".stderr")) {
            files("memcheck", suffix).forEach(f -> texts.add(read(f)));
        }
        return texts;
    }

    /** The recorded valgrind XML files. */
    public static List<String> xmlTexts() {
        return files("memcheck", ".xml").stream().map(FuzzSeeds::read).toList();
    }

    private static List<Path> files(String dir, String suffix) {
        try (Stream<Path> listed = Files.list(Fixtures.file(dir))) {
            List<Path> found = listed.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no " + suffix + " fixtures in " + dir);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        return read(file).lines().toList();
    }
}
