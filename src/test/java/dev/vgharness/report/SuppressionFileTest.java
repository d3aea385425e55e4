package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.SampleRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionFileTest {

    @Test
    void writesOneSuppressionPerLostLeakNamedAfterKindFunctionAndIdentity() {
        String text = SuppressionFile.text(SampleRuns.run());
        LeakIdentity definite = SampleRuns.growth().finalResults().lossRecords().get(0).identity();
        LeakIdentity evil = SampleRuns.hostile().finalResults().lossRecords().get(0).identity();
        LeakIdentity possible = SampleRuns.growth().stops().get(0).leakCheck().lossRecords().get(1).identity();

        assertEquals("# vgharness: suppressions for the leaks of plan server\n"
                + "# leakIdentity/v2: " + definite.hash() + "\n"
                + "{\n   vgharness-definitely_lost-handle_request-" + definite.hash().substring(0, 8) + "\n"
                + "   Memcheck:Leak\n   match-leak-kinds: definite\n   fun:malloc\n   fun:handle_request\n   fun:main\n}\n"
                + "# leakIdentity/v2: " + evil.hash() + "\n"
                + "{\n   vgharness-definitely_lost-_script_alert_x_script_-" + evil.hash().substring(0, 8) + "\n"
                + "   Memcheck:Leak\n   match-leak-kinds: definite\n   fun:malloc\n   fun:*\n}\n"
                + "# leakIdentity/v2: " + possible.hash() + "\n"
                + "{\n   vgharness-possibly_lost-main-" + possible.hash().substring(0, 8) + "\n   Memcheck:Leak\n"
                + "   match-leak-kinds: possible\n   fun:malloc\n   fun:main\n}\n", text);
    }

    @Test
    void sitesOfOneFunctionShareTheSuppressionThatCoversThemAllAndItNamesEveryIdentity() {
        List<LossRecord> records = List.of(
                SampleRuns.record(1, LeakKind.DEFINITELY_LOST, 32, 1, 0, SampleRuns.requestStack(29)),
                SampleRuns.record(2, LeakKind.DEFINITELY_LOST, 48, 1, 0, SampleRuns.requestStack(33)));
        List<LossRecordResult> check = SampleRuns.check(records, r -> false);

        String text = SuppressionFile.text(SampleRuns.runOf(SampleRuns.exitCase("sites", check)));

        assertEquals("# vgharness: suppressions for the leaks of plan server\n"
                + "# leakIdentity/v2: " + check.get(0).identity().hash() + ", " + check.get(1).identity().hash() + "\n"
                + "{\n   vgharness-definitely_lost-handle_request-" + check.get(0).identity().hash().substring(0, 8)
                + "\n   Memcheck:Leak\n   match-leak-kinds: definite\n   fun:malloc\n   fun:handle_request\n"
                + "   fun:main\n}\n", text);
    }
}
