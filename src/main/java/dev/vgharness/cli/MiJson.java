package dev.vgharness.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vgharness.mi.MiConst;
import dev.vgharness.mi.MiList;
import dev.vgharness.mi.MiParseException;
import dev.vgharness.mi.MiRecord;
import dev.vgharness.mi.MiResult;
import dev.vgharness.mi.MiTuple;
import dev.vgharness.mi.MiValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of {@code parse mi} (docs/cli.md): one object per line; constants stay strings; tuples are objects; lists of
 * values are arrays; a name that repeats inside one tuple or result list becomes an array of its values.
 */
final class MiJson {

    private MiJson() {
    }

    static void write(JsonGenerator json, MiRecord record) throws IOException {
        json.writeStartObject();
        if (record instanceof MiRecord.Result r) {
            header(json, "result", r.token().orElse(null), r.resultClass());
            results(json, "results", r.results());
        } else if (record instanceof MiRecord.Async a) {
            header(json, a.kind().name().toLowerCase(Locale.ROOT), a.token().orElse(null), a.asyncClass());
            results(json, "results", a.results());
        } else if (record instanceof MiRecord.Stream s) {
            json.writeStringField("type", s.kind().name().toLowerCase(Locale.ROOT));
            json.writeStringField("text", s.text());
        } else if (record instanceof MiRecord.Prompt) {
            json.writeStringField("type", "prompt");
        } else if (record instanceof MiRecord.Output o) {
            json.writeStringField("type", "output");
            json.writeStringField("text", o.text());
        }
        json.writeEndObject();
    }

    static void writeError(JsonGenerator json, MiParseException e) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "error");
        json.writeNumberField("line", e.line());
        json.writeNumberField("column", e.column());
        json.writeStringField("message", e.reason());
        json.writeEndObject();
    }

    private static void header(JsonGenerator json, String type, Long token, String recordClass) throws IOException {
        json.writeStringField("type", type);
        json.writeFieldName("token");
        if (token == null) {
            json.writeNull();
        } else {
            json.writeNumber(token);
        }
        json.writeStringField("class", recordClass);
    }

    private static void results(JsonGenerator json, String field, List<MiResult> results) throws IOException {
        json.writeFieldName(field);
        object(json, results);
    }

    private static void object(JsonGenerator json, List<MiResult> items) throws IOException {
        Map<String, List<MiValue>> byName = new LinkedHashMap<>();
        for (MiResult r : items) {
            byName.computeIfAbsent(r.name(), k -> new ArrayList<>(1)).add(r.value());
        }
        json.writeStartObject();
        for (Map.Entry<String, List<MiValue>> e : byName.entrySet()) {
            json.writeFieldName(e.getKey());
            if (e.getValue().size() == 1) {
                value(json, e.getValue().get(0));
            } else {
                array(json, e.getValue());
            }
        }
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, MiValue value) throws IOException {
        if (value instanceof MiConst c) {
            json.writeString(c.text());
        } else if (value instanceof MiTuple t) {
            container(json, t.results(), false);
        } else if (value instanceof MiList l) {
            container(json, l.results(), true);
        }
    }

    /** Bare values make an array (pre-MI4 script tuples too); named results make an object. */
    private static void container(JsonGenerator json, List<MiResult> items, boolean emptyIsArray) throws IOException {
        boolean allBare = items.stream().allMatch(MiResult::isBare);
        if (items.isEmpty() ? emptyIsArray : allBare) {
            List<MiValue> values = new ArrayList<>(items.size());
            items.forEach(r -> values.add(r.value()));
            array(json, values);
        } else {
            object(json, items);
        }
    }

    private static void array(JsonGenerator json, List<MiValue> values) throws IOException {
        json.writeStartArray();
        for (MiValue v : values) {
            value(json, v);
        }
        json.writeEndArray();
    }
}
