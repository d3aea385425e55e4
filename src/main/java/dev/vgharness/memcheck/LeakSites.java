package dev.vgharness.memcheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The allocation sites of the loss records of one leak check, frame by frame below the allocator, for their
 * {@link LeakIdentity}. Where the frame's source file is found, a site is the hash of its line's text (stripped)
 * and which occurrence of that text in the file it is, {@code 3f9a01c2:1}, as code scanning's
 * {@code primaryLocationLineHash} does: it follows the line when code above it moves. Without the source it is
 * the ordinal of the line among the lines at that frame of the check's records with the same kind, allocator and
 * functions, {@code #2}: it survives code moving above the function. A frame without a line is {@code -}.
 */
public final class LeakSites {

    /** What a site looks like. */
    public static final Pattern SITE = Pattern.compile("[0-9a-f]{8}:[1-9][0-9]*|#[1-9][0-9]*|-");

    static final String NO_LINE = "-";

    private final SourceText source;
    private final Map<String, Optional<String>> hashes = new HashMap<>();

    private LeakSites(SourceText source) {
        this.source = source;
    }

    /** The sites of each record of one leak check, in the records' order. */
    public static List<List<String>> of(List<LossRecord> check, SourceText source) {
        return new LeakSites(source).sites(check);
    }

    private List<List<String>> sites(List<LossRecord> check) {
        Map<String, TreeSet<Integer>> unhashedLines = new HashMap<>();
        for (LossRecord r : check) {
            List<StackFrame> below = LeakIdentity.belowAllocator(r.stack());
            String group = group(r, below.size());
            for (int i = 0; i < below.size(); i++) {
                StackFrame f = below.get(i);
                if (f.line() != null && hash(f).isEmpty()) {
                    unhashedLines.computeIfAbsent(group + '\n' + i, k -> new TreeSet<>()).add(f.line());
                }
            }
        }
        List<List<String>> sites = new ArrayList<>(check.size());
        for (LossRecord r : check) {
            List<StackFrame> below = LeakIdentity.belowAllocator(r.stack());
            String group = group(r, below.size());
            List<String> own = new ArrayList<>(below.size());
            for (int i = 0; i < below.size(); i++) {
                StackFrame f = below.get(i);
                int index = i;
                own.add(f.line() == null ? NO_LINE : hash(f).orElseGet(
                        () -> "#" + (unhashedLines.get(group + '\n' + index).headSet(f.line()).size() + 1)));
            }
            sites.add(own);
        }
        return sites;
    }

    /** Records that only their sites can tell apart: kind, allocator, functions and files. */
    private static String group(LossRecord r, int frames) {
        return LeakIdentity.of(r, Collections.nCopies(frames, NO_LINE)).text();
    }

    private Optional<String> hash(StackFrame f) {
        if (f.file() == null || f.line() == null || f.line() < 1) {
            return Optional.empty();
        }
        return hashes.computeIfAbsent(f.file() + '\n' + f.line(), k -> source.lines(f.file())
                .filter(lines -> f.line() <= lines.size()).map(lines -> lineHash(lines, f.line())));
    }

    /** {@code 3f9a01c2:2}: the hash of line {@code line}'s stripped text, and its occurrence among equal lines. */
    static String lineHash(List<String> lines, int line) {
        String text = lines.get(line - 1).strip();
        int occurrence = 0;
        for (int i = 0; i < line; i++) {
            if (lines.get(i).strip().equals(text)) {
                occurrence++;
            }
        }
        return LeakIdentity.sha256(text, 4) + ":" + occurrence;
    }
}
