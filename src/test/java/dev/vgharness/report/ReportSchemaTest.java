package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vgharness.DocSchemas;
import dev.vgharness.result.SampleRuns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/schemas/report.schema.json is strict: every object lists all its keys as required and no others, so a key
 * added to a record (a record component is a JSON key) fails every test that writes a report until the schema and
 * docs/report.md describe it.
 */
class ReportSchemaTest {

    private static ObjectNode sampleReport() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(JsonReport.toJson(SampleRuns.run()));
    }

    @Test
    void theSampleRunIsValid() throws Exception {
        DocSchemas.assertValidReport(sampleReport());
    }

    @Test
    void aKeyTheSchemaDoesNotKnowIsRejected() throws Exception {
        ObjectNode report = sampleReport();
        ((ObjectNode) report.at("/cases/0/stops/0")).put("allow_failure", false);

        assertFalse(DocSchemas.problems(DocSchemas.report(), report).isEmpty());
    }

    @Test
    void aMissingKeyIsRejectedBecauseAbsentValuesAreNull() throws Exception {
        ObjectNode report = sampleReport();
        ((ObjectNode) report.at("/cases/0/stops/0/leak_check/loss_records/0")).remove("baseline");

        assertFalse(DocSchemas.problems(DocSchemas.report(), report).isEmpty());
    }

    @Test
    void everyObjectOfTheSchemaRequiresExactlyItsPropertiesAndNoOthers() {
        List<String> loose = new ArrayList<>();
        check(DocSchemas.tree("report.schema.json"), "", loose);
        assertEquals(List.of(), loose);
    }

    private static void check(JsonNode schema, String where, List<String> loose) {
        if (schema.has("properties")) {
            List<String> properties = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            if (!properties.equals(required) || !schema.path("additionalProperties").isBoolean()
                    || schema.get("additionalProperties").asBoolean()) {
                loose.add(where.isEmpty() ? "/" : where);
            }
            schema.get("properties").fields().forEachRemaining(p -> check(p.getValue(), where + "/" + p.getKey(), loose));
        }
        schema.path("$defs").fields().forEachRemaining(d -> check(d.getValue(), "/$defs/" + d.getKey(), loose));
        assertTrue(loose.size() < 100);
    }
}
