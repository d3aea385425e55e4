package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * glibc malloc settings of a case ({@code malloc: {mmap_threshold: 65536, trim_threshold: 0, arena_max: 1}}), given
 * to the target as {@code GLIBC_TUNABLES=glibc.malloc.mmap_threshold=65536:glibc.malloc.trim_threshold=0:...} so
 * that brk or mmap behaviour can be reproduced on purpose. Under Memcheck they have no effect: Valgrind replaces
 * malloc.
 */
public record MallocTuning(OptionalLong mmapThreshold, OptionalLong trimThreshold, OptionalLong arenaMax) {

    public static final MallocTuning NONE = new MallocTuning(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty());
    static final List<String> KEYS = List.of("mmap_threshold", "trim_threshold", "arena_max");

    public MallocTuning {
        requireNonNull(mmapThreshold, "mmapThreshold is null");
        requireNonNull(trimThreshold, "trimThreshold is null");
        requireNonNull(arenaMax, "arenaMax is null");
    }

    /** The value of {@code GLIBC_TUNABLES}, or empty when nothing is set. */
    public Optional<String> tunables() {
        List<String> settings = new ArrayList<>();
        mmapThreshold.ifPresent(n -> settings.add("glibc.malloc.mmap_threshold=" + n));
        trimThreshold.ifPresent(n -> settings.add("glibc.malloc.trim_threshold=" + n));
        arenaMax.ifPresent(n -> settings.add("glibc.malloc.arena_max=" + n));
        return settings.isEmpty() ? Optional.empty() : Optional.of(String.join(":", settings));
    }

    /** This case's settings, the defaults' where the case sets none. */
    MallocTuning over(MallocTuning defaults) {
        return new MallocTuning(mmapThreshold.isPresent() ? mmapThreshold : defaults.mmapThreshold,
                trimThreshold.isPresent() ? trimThreshold : defaults.trimThreshold,
                arenaMax.isPresent() ? arenaMax : defaults.arenaMax);
    }
}
