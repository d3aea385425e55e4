package dev.vgharness.plan;

/**
 * {@code - malloc_trim} (native mode): calls {@code malloc_trim(0)} in the stopped target and records the brk heap's
 * RSS before and after. It changes the process: memory it gives back was free but held (fragmentation, not a leak).
 */
public record MallocTrimAction() implements Action {

    @Override
    public String name() {
        return "malloc_trim";
    }

    @Override
    public <X extends Exception, Y extends Exception> void accept(Visitor<X, Y> visitor) throws X, Y {
        visitor.mallocTrim(this);
    }
}
