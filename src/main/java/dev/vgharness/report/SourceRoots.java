package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.StackFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The folders that hold the user's own code ({@code --source-root}), and which stack frames lie in them.
 * Valgrind prints only a file's base name ({@code make_tree (leaky.c:19)}) unless {@code --fullpath-after} is
 * given, so a relative name is looked for under each root, first as a path and then by name in an index of the
 * root's files. Frames in valgrind's preload object or libc carry no file or a file that is not under a root.
 */
public final class SourceRoots {

    /** Folders never indexed: build output and version control, which hold no sources of interest. */
    private static final Set<String> SKIPPED = Set.of(".git", ".hg", ".svn", "target", "node_modules");
    private static final int MAX_DEPTH = 12;
    private static final int MAX_FILES = 50_000;

    private final List<Path> roots;
    private final Map<String, Optional<Path>> resolved = new HashMap<>();
    private Map<String, List<Path>> byName;

    public SourceRoots(List<Path> roots) {
        requireNonNull(roots, "roots is null");
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * The default root of {@code check} and {@code merge}: the top of the git checkout that holds {@code dir} (the
     * nearest folder with a {@code .git} folder, or file in a worktree), as code scanning maps paths from there;
     * else {@code dir} itself.
     */
    public static Path checkoutOf(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return start;
    }

    public List<Path> roots() {
        return roots;
    }

    /** True when the frame's file is found under one of the roots. */
    public boolean isOwn(StackFrame frame) {
        return frame.file() != null && resolve(frame.file()).isPresent();
    }

    /** The source file a frame names, when it lies under a root. */
    public synchronized Optional<Path> resolve(String file) {
        requireNonNull(file, "file is null");
        return resolved.computeIfAbsent(file, this::find);
    }

    /** The first frame of the user's own code, if any. */
    public Optional<StackFrame> firstOwnFrame(List<StackFrame> stack) {
        return stack.stream().filter(this::isOwn).findFirst();
    }

    /**
     * Where to point a person: the first own frame, else the first frame that is not an allocator and not in
     * valgrind's preload object, else the first frame.
     */
    public Optional<StackFrame> bestFrame(List<StackFrame> stack) {
        return firstOwnFrame(stack).or(() -> stack.stream()
                .filter(f -> !LeakIdentity.isAllocator(f.function()) && f.file() != null).findFirst())
                .or(() -> stack.stream().findFirst());
    }

    /** The frames a person reads first: own frames, or without any, those after the allocator. */
    public List<StackFrame> interestingFrames(List<StackFrame> stack, int max) {
        List<StackFrame> own = stack.stream().filter(this::isOwn).limit(max).toList();
        if (!own.isEmpty()) {
            return own;
        }
        return stack.stream().filter(f -> !LeakIdentity.isAllocator(f.function())).limit(max).toList();
    }

    private Optional<Path> find(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            Path normal = path.normalize();
            return roots.stream().anyMatch(normal::startsWith) && Files.isRegularFile(normal)
                    ? Optional.of(normal) : Optional.empty();
        }
        for (Path root : roots) {
            Path candidate = root.resolve(path).normalize();
            if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return index().getOrDefault(path.getFileName().toString(), List.of()).stream()
                .filter(p -> p.endsWith(path)).findFirst();
    }

    private Map<String, List<Path>> index() {
        if (byName == null) {
            byName = new HashMap<>();
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    indexRoot(root);
                }
            }
        }
        return byName;
    }

    private void indexRoot(Path root) {
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                private int files;

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skip = !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString());
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        byName.computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>()).add(file);
                    }
                    return ++files >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
