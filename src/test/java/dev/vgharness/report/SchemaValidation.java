package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.vgharness.Fixtures;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/** Validates reports against the schemas CI tools use: the Jenkins JUnit XSD and the OASIS SARIF 2.1.0 schema. */
public final class SchemaValidation {

    private static Schema junit;
    private static JsonSchema sarif;

    private SchemaValidation() {
    }

    /** Fails with the validator's message when the XML does not match jenkins-junit.xsd. */
    public static synchronized void assertValidJunit(String xml) throws Exception {
        if (junit == null) {
            junit = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Fixtures.file("schemas/jenkins-junit.xsd").toFile());
        }
        junit.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    public static void assertValidJunit(Path file) throws Exception {
        assertValidJunit(Files.readString(file));
    }

    /** Fails listing every problem when the JSON does not match the SARIF 2.1.0 schema. */
    public static synchronized void assertValidSarif(JsonNode log) throws Exception {
        if (sarif == null) {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
            try (InputStream in = Files.newInputStream(Fixtures.file("schemas/sarif-schema-2.1.0.json"))) {
                sarif = factory.getSchema(new ObjectMapper().readTree(in));
            }
        }
        Set<ValidationMessage> problems = sarif.validate(log);
        assertEquals(Set.of(), problems, "SARIF schema problems");
    }
}
