package dev.vgharness.memcheck;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;

/**
 * Parses the answer of {@code monitor who_points_at <addr> [<len>]}. No hit is a normal answer with no pointers.
 * <pre>
 * ==9384== Searching for pointers pointing in 40 bytes from 0x4d6dd90
 * ==9384== *0x10c0a0 interior points at 16 bytes inside 0x4d6dd90
 *  Address 0x10c0a0 is 0 bytes inside data symbol "g_mi"
 * ==9384== block at 0x4d6dd90 considered reachable by ptr 0x4d6dda0 using multipleinheritance heuristic
 * ==9384== tid 1 register RBX pointing at 0x4d6dd90
 * </pre>
 */
public final class WhoPointsAtParser {

    private WhoPointsAtParser() {
    }

    public static WhoPointsAtResult parse(String text) {
        return parse(new StringReader(text));
    }

    /** The first search of the text (an answer holds one), or a null search with the complaint. */
    public static WhoPointsAtResult parse(Reader text) {
        MemcheckTextCollector collector = new MemcheckTextCollector();
        MemcheckTextParser.parse(text, MemcheckTextParser.Context.AUTO, collector);
        List<PointerSearch> searches = collector.searches();
        return new WhoPointsAtResult(searches.isEmpty() ? null : searches.get(0), collector.monitorErrors());
    }
}
