package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.ValgrindXmlParser;
import dev.vgharness.memcheck.ValgrindXmlReport;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void theWarmUpParsesTheWholeRecordedRunItShipsErrorsAndLeaksIncluded() throws Exception {
        ValgrindXmlReport sample = WarmUp.sample();
        assertEquals(ValgrindXmlParser.parse(Fixtures.file("memcheck/errs.3.19.xml")), sample);
        assertTrue(sample.complete() && !sample.errors().isEmpty() && !sample.lossRecords().isEmpty(),
                "the sample must take the parser through errors and loss records: " + sample);
    }
}
