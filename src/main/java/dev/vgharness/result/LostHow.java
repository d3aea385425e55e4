package dev.vgharness.result;

/** How the last pointer to a lost block disappeared ({@code lost_at.how}). */
public enum LostHow {
    /** A pointer in memory (a global, a local, a heap block) was written over. */
    OVERWRITTEN,
    /** The last pointer was a local of a frame that returned. */
    OUT_OF_SCOPE,
    /** The last pointer lived inside a heap block that was freed. */
    CONTAINER_FREED;

    /** The JSON and text name: {@code out_of_scope}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The words of the text summary: {@code conn->buf overwritten}, {@code went out of scope}. */
    public String verb() {
        return switch (this) {
            case OVERWRITTEN -> "overwritten";
            case OUT_OF_SCOPE -> "went out of scope";
            case CONTAINER_FREED -> "freed with the block holding it";
        };
    }
}
