package dev.vgharness.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vgharness.memcheck.LeakSites;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.SourceText;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.LostAt;
import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON report (docs/report.md) back into a {@link RunResult}, for {@code vgharness merge}. It undoes what
 * {@link ReportJson} writes: lower-case enums, {@code "0x4A5A040"} addresses (any long accepts a number or a hex
 * string), ISO instants, and the flattened {@code baseline} flag and {@code sites} of a loss record. Keys it does
 * not know, such as the derived {@code fingerprint}, are skipped, so reports of newer versions still merge. A report
 * of an older version has no {@code sites}: its records get ordinals, as without sources ({@link LeakSites}).
 */
public final class JsonReportReader {

    private static final ObjectReader READER = create();

    private JsonReportReader() {
    }

    public static RunResult read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return withSites(READER.readTree(in));
        }
    }

    public static RunResult read(String json) throws IOException {
        return withSites(READER.readTree(json));
    }

    /** The run, its leak checks without {@code sites} (older reports) given the sites of no sources first. */
    private static RunResult withSites(JsonNode root) throws IOException {
        for (JsonNode c : root.path("cases")) {
            addMissingSites(c.path("final").path("loss_records"));
            for (JsonNode stop : c.path("stops")) {
                addMissingSites(stop.path("leak_check").path("loss_records"));
            }
        }
        return READER.readValue(root);
    }

    private static void addMissingSites(JsonNode records) throws IOException {
        if (!records.isArray() || !needsSites(records)) {
            return;
        }
        List<LossRecord> check = new ArrayList<>(records.size());
        for (JsonNode r : records) {
            ObjectNode bare = ((ObjectNode) r).deepCopy();
            List.of("baseline", "fingerprint", "sites").forEach(bare::remove);
            check.add(READER.forType(LossRecord.class).readValue(bare));
        }
        List<List<String>> sites = LeakSites.of(check, SourceText.NONE);
        for (int i = 0; i < records.size(); i++) {
            ArrayNode list = ((ObjectNode) records.get(i)).putArray("sites");
            sites.get(i).forEach(list::add);
        }
    }

    /** True when a record lacks its sites; false for a list that is not all objects, which the binder names. */
    private static boolean needsSites(JsonNode records) {
        boolean missing = false;
        for (JsonNode r : records) {
            if (!r.isObject()) {
                return false;
            }
            missing |= !r.has("sites");
        }
        return missing;
    }

    private static ObjectReader create() {
        ObjectMapper base = ReportJson.mapper();
        JsonMapper mapper = JsonMapper.builder()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .propertyNamingStrategy(base.getPropertyNamingStrategy())
                .build();
        mapper.setMixIns(java.util.Map.of(dev.vgharness.result.CaseResult.class, CaseResultMixin.class));
        SimpleModule module = new SimpleModule("vgharness-read");
        LongOrAddress longs = new LongOrAddress();
        module.addDeserializer(Long.class, longs);
        module.addDeserializer(long.class, longs);
        module.addDeserializer(Instant.class, new InstantText());
        module.addDeserializer(LossRecordResult.class, new LossRecordWithFlag());
        mapper.registerModule(module);
        return mapper.readerFor(RunResult.class);
    }

    private abstract static class CaseResultMixin {
        @com.fasterxml.jackson.annotation.JsonProperty("final")
        abstract dev.vgharness.result.FinalResults finalResults();
    }

    /** A number, or an address written as {@code "0x4A5A040"}. */
    private static final class LongOrAddress extends JsonDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getText().strip();
                try {
                    return text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
                            : Long.parseLong(text);
                } catch (NumberFormatException e) {
                    return (Long) ctxt.handleWeirdStringValue(Long.class, text, "not a number or 0x address");
                }
            }
            return p.getLongValue();
        }
    }

    private static final class InstantText extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Instant.parse(p.getText());
        }
    }

    /** A loss record with its {@code baseline} flag beside its own keys (JSON flattens the two). */
    private static final class LossRecordWithFlag extends JsonDeserializer<LossRecordResult> {
        @Override
        public LossRecordResult deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            ObjectNode node = p.readValueAsTree();
            boolean baseline = node.path("baseline").asBoolean(false);
            JsonNode sites = node.path("sites");
            JsonNode lostAt = node.path("lost_at");
            String unknown = node.path("lost_at_unknown").isTextual() ? node.path("lost_at_unknown").asText() : null;
            List.of("baseline", "fingerprint", "sites", "gone", "lost_at", "lost_at_unknown").forEach(node::remove);
            LossRecord record = ctxt.readTreeAsValue(node, LossRecord.class);
            List<String> texts = new ArrayList<>();
            sites.forEach(site -> texts.add(site.asText()));
            LostAt at = lostAt.isObject() ? ctxt.readTreeAsValue(lostAt, LostAt.class) : null;
            try {
                return new LossRecordResult(record, baseline, texts, at, unknown);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, "loss record " + record.number() + ": sites: " + e.getMessage());
            }
        }
    }
}
