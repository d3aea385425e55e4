package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.DocSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code vgharness schema plan|report} prints the schemas of docs/schemas, byte for byte. */
class SchemaCommandTest {

    private record Printed(int code, String out, String err) {
    }

    private static Printed schema(String name) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VgharnessCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("schema", name);
        return new Printed(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "report"})
    void printsTheSchemaOfDocsSchemasUnchanged(String name) throws Exception {
        Printed printed = schema(name);

        assertEquals(0, printed.code(), printed.err());
        assertEquals(Files.readString(DocSchemas.FOLDER.resolve(name + ".schema.json")), printed.out());
    }

    @Test
    void anUnknownSchemaIsOneLineAndExitTwo() {
        Printed printed = schema("baseline");

        assertEquals(2, printed.code());
        assertEquals("", printed.out());
        assertEquals("vgharness: schema: 'baseline' is not one of plan, report\n", printed.err());
    }

    @Test
    void theRootHelpListsTheCommand() {
        StringWriter out = new StringWriter();
        CommandLine cl = VgharnessCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.execute("--help");
        assertTrue(out.toString().contains("schema"), out.toString());
    }
}
