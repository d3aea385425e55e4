package dev.vgharness.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.HeuristicReach;
import dev.vgharness.memcheck.IndirectBlock;
import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.MonitorErrorKind;
import dev.vgharness.memcheck.PointerLocation;
import dev.vgharness.memcheck.PointerOwner;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.ChildProcess;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.LostHow;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopReason;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * The one place that fixes how our records look in JSON (docs/report.md): snake_case keys, leak kinds as
 * {@code "definitely_lost"}, other enums in lower case, addresses as strings {@code "0x4A5A040"} (upper-case hex,
 * as valgrind's %p prints them), absent values as {@code null}, never left out. The memcheck model stays free of
 * Jackson; the address and kind mapping lives here as mix-ins.
 * <pre>
 * {"address": "0x48417B4", "function": "malloc", "file": null, "line": null, "object": "/usr/lib/x.so"}
 * </pre>
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = create();

    private ReportJson() {
    }

    /** The shared, configured mapper (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code 0x} plus upper-case hex digits. */
    public static String address(long address) {
        return "0x" + Long.toHexString(address).toUpperCase(Locale.ROOT);
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.registerModule(memcheckModule());
        mapper.registerModule(runModule());
        return mapper;
    }

    private static SimpleModule memcheckModule() {
        SimpleModule module = new SimpleModule("vgharness-memcheck");
        module.addSerializer(LeakKind.class, new ToStringSerializer<>(LeakKind::key));
        module.addSerializer(PointerLocation.class, new ToStringSerializer<>(ReportJson::lowerCase));
        module.addSerializer(MonitorErrorKind.class, new ToStringSerializer<>(ReportJson::lowerCase));
        module.addSerializer(LeakIdentity.class, new ToStringSerializer<>(LeakIdentity::text));
        module.setMixInAnnotation(StackFrame.class, AddressMixin.class);
        module.setMixInAnnotation(Block.class, AddressMixin.class);
        module.setMixInAnnotation(IndirectBlock.class, AddressMixin.class);
        module.setMixInAnnotation(PointerSearch.class, AddressMixin.class);
        module.setMixInAnnotation(PointerOwner.class, PointerOwnerMixin.class);
        module.setMixInAnnotation(HeuristicReach.class, HeuristicReachMixin.class);
        module.setMixInAnnotation(MemcheckError.class, MemcheckErrorMixin.class);
        return module;
    }

    /** The run result: {@code "final"} for a Java keyword, statuses in lower case. */
    private static SimpleModule runModule() {
        SimpleModule module = new SimpleModule("vgharness-run");
        module.addSerializer(RunStatus.class, new ToStringSerializer<>(ReportJson::lowerCase));
        module.addSerializer(CaseExit.Status.class, new ToStringSerializer<>(ReportJson::lowerCase));
        module.addSerializer(StopReason.class, new ToStringSerializer<>(ReportJson::lowerCase));
        module.addSerializer(LostHow.class, new ToStringSerializer<>(LostHow::key));
        module.addSerializer(Instant.class, new ToStringSerializer<>(Instant::toString));
        module.setMixInAnnotation(CaseResult.class, CaseResultMixin.class);
        module.setMixInAnnotation(ChildProcess.class, ChildProcessMixin.class);
        module.setMixInAnnotation(LossRecordResult.class, LossRecordResultMixin.class);
        module.setMixInAnnotation(StopFrame.class, AddressMixin.class);
        return module;
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Writes a value as the string a function makes of it. */
    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        private final java.util.function.Function<T, String> text;

        ToStringSerializer(java.util.function.Function<T, String> text) {
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(text.apply(value));
        }
    }

    /** Writes a long (or Long) address as {@code "0x..."}. */
    static final class AddressSerializer extends JsonSerializer<Long> {
        @Override
        public void serialize(Long value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(address(value));
        }
    }

    private abstract static class AddressMixin {
        @JsonSerialize(using = AddressSerializer.class)
        abstract long address();
    }

    private abstract static class PointerOwnerMixin {
        @JsonSerialize(using = AddressSerializer.class)
        abstract Long address();

        @JsonSerialize(using = AddressSerializer.class)
        abstract long pointsAt();
    }

    private abstract static class HeuristicReachMixin {
        @JsonSerialize(using = AddressSerializer.class)
        abstract long block();

        @JsonSerialize(using = AddressSerializer.class)
        abstract long pointer();
    }

    private abstract static class MemcheckErrorMixin {
        @JsonSerialize(using = AddressSerializer.class)
        abstract Long unique();
    }

    private abstract static class CaseResultMixin {
        @JsonProperty("final")
        abstract FinalResults finalResults();
    }

    private abstract static class ChildProcessMixin {
        @JsonProperty("final")
        abstract FinalResults finalResults();
    }

    private abstract static class LossRecordResultMixin {
        @JsonUnwrapped
        abstract LossRecord record();

        /** Derived from the blocks, so only written. */
        @JsonProperty(value = "gone", access = JsonProperty.Access.READ_ONLY)
        abstract boolean gone();

        /** The leak identity (leakIdentity/v2) of baselines and SARIF; derived from the record and sites, so only written. */
        @JsonProperty(value = "fingerprint", access = JsonProperty.Access.READ_ONLY)
        abstract LeakIdentity identity();
    }
}
