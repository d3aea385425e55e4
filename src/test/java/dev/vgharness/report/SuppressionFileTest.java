package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.result.SampleRuns;
import org.junit.jupiter.api.Test;

class SuppressionFileTest {

    @Test
    void writesOneSuppressionPerLostLeakNamedAfterKindAndFunction() {
        String text = SuppressionFile.text(SampleRuns.run());
        String definite = SampleRuns.record(3, dev.vgharness.memcheck.LeakKind.DEFINITELY_LOST, 1, 1, 0,
                SampleRuns.requestStack(29)).fingerprint().hash().substring(0, 8);
        String evil = SampleRuns.hostile().finalResults().lossRecords().get(0).record().fingerprint().hash()
                .substring(0, 8);
        String possible = SampleRuns.growth().stops().get(0).leakCheck().lossRecords().get(1).record().fingerprint()
                .hash().substring(0, 8);

        assertEquals("# vgharness: suppressions for the leaks of plan server\n"
                + "{\n   vgharness-definitely_lost-handle_request-" + definite + "\n   Memcheck:Leak\n"
                + "   match-leak-kinds: definite\n   fun:malloc\n   fun:handle_request\n   fun:main\n}\n"
                + "{\n   vgharness-definitely_lost-_script_alert_x_script_-" + evil + "\n   Memcheck:Leak\n"
                + "   match-leak-kinds: definite\n   fun:malloc\n   fun:*\n}\n"
                + "{\n   vgharness-possibly_lost-main-" + possible + "\n   Memcheck:Leak\n"
                + "   match-leak-kinds: possible\n   fun:malloc\n   fun:main\n}\n", text);
    }
}
