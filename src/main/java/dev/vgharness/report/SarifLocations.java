package dev.vgharness.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vgharness.memcheck.StackFrame;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * SARIF locations of stack frames. A file under a source root is written relative to it with the root's
 * {@code uriBaseId} ({@code SRCROOT}, then {@code SRCROOT2}, ...), so code scanning maps it onto the checkout; other
 * files keep the name valgrind printed, a relative one with {@code SRCROOT} too (every relative URI has a base);
 * every frame also names its function as a logical location.
 */
final class SarifLocations {

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final SourceRoots roots;

    SarifLocations(SourceRoots roots) {
        this.roots = roots;
    }

    /** {@code {"SRCROOT": {"uri": "file:///work/project/"}}}. */
    ObjectNode baseIds() {
        ObjectNode ids = nodes.objectNode();
        List<Path> list = roots.roots();
        for (int i = 0; i < list.size(); i++) {
            String uri = list.get(i).toUri().toString();
            ids.putObject(baseId(i)).put("uri", uri.endsWith("/") ? uri : uri + "/");
        }
        return ids;
    }

    ObjectNode location(StackFrame frame) {
        ObjectNode location = nodes.objectNode();
        physical(frame).ifPresent(p -> location.set("physicalLocation", p));
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", frame.function() == null ? "???" : frame.function());
        logical.put("kind", "function");
        String where = frame.file() != null ? frame.file() + (frame.line() == null ? "" : ":" + frame.line())
                : frame.object() != null ? "in " + frame.object() : ReportJson.address(frame.address());
        location.putObject("message").put("text", logical.get("name").asText() + " (" + where + ")");
        return location;
    }

    private Optional<ObjectNode> physical(StackFrame frame) {
        if (frame.file() == null) {
            return Optional.empty();
        }
        ObjectNode physical = nodes.objectNode();
        ObjectNode artifact = physical.putObject("artifactLocation");
        Optional<Path> own = roots.resolve(frame.file());
        if (own.isPresent()) {
            int index = rootIndex(own.get());
            artifact.put("uri", uriPath(roots.roots().get(index).relativize(own.get())));
            artifact.put("uriBaseId", baseId(index));
        } else {
            Path file = Path.of(frame.file());
            artifact.put("uri", uriPath(file));
            if (!file.isAbsolute()) {
                // A bare name valgrind printed (no --fullpath-after) that no root holds: still relative to a base,
                // as code scanning needs; an absolute file:// URI takes none (SARIF 2.1.0, 3.4.4).
                artifact.put("uriBaseId", baseId(0));
            }
        }
        if (frame.line() != null && frame.line() > 0) {
            physical.putObject("region").put("startLine", frame.line());
        }
        return Optional.of(physical);
    }

    private int rootIndex(Path file) {
        List<Path> list = roots.roots();
        for (int i = 0; i < list.size(); i++) {
            if (file.startsWith(list.get(i))) {
                return i;
            }
        }
        return 0;
    }

    /** A relative path as a URI reference: {@code src/a%20b.c}; an absolute one as {@code file:///...}. */
    private static String uriPath(Path path) {
        if (path.isAbsolute()) {
            return path.toUri().toString();
        }
        StringBuilder uri = new StringBuilder();
        for (Path part : path) {
            if (uri.length() > 0) {
                uri.append('/');
            }
            uri.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return uri.toString();
    }

    private static String baseId(int index) {
        return index == 0 ? "SRCROOT" : "SRCROOT" + (index + 1);
    }
}
