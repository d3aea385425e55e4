package dev.vgharness.mi;

import java.util.List;

/** A tuple {@code {number="1",type="breakpoint",...}}; may hold bare values before MI4 ({@code {"silent"}}). */
public record MiTuple(List<MiResult> results) implements MiValue, MiFields {

    public static final MiTuple EMPTY = new MiTuple(List.of());

    public MiTuple {
        results = List.copyOf(results);
    }

    @Override
    public String describe() {
        return "a tuple";
    }
}
