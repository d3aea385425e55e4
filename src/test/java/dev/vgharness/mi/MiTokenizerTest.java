package dev.vgharness.mi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.mi.antlr.GdbMiLexer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.Test;

/** The hand-written tokenizer gives exactly the tokens of the grammar's generated lexer. */
class MiTokenizerTest {

    private static List<String> tokens(TokenSource source) {
        List<String> out = new ArrayList<>();
        for (Token t = source.nextToken(); ; t = source.nextToken()) {
            out.add(t.getType() + "@" + t.getStartIndex() + ":" + t.getStopIndex());
            if (t.getType() == Token.EOF) {
                return out;
            }
        }
    }

    private static void assertSameTokens(String line) {
        GdbMiLexer generated = new GdbMiLexer(CharStreams.fromString(line));
        generated.removeErrorListeners();
        assertEquals(tokens(generated), tokens(new MiTokenizer(line)), line);
    }

    @Test
    void everyRecordedLineTokenizesLikeTheGeneratedLexer() throws Exception {
        int lines = 0;
        for (Path transcript : MiTranscriptTest.transcripts().toList()) {
            for (String line : MiTranscriptTest.gdbLines(transcript)) {
                assertSameTokens(line);
                lines++;
            }
        }
        assertEquals(true, lines > 1000, "read " + lines);
    }

    @Test
    void edgeCasesTokenizeLikeTheGeneratedLexer() {
        for (String line : List.of("", "(gdb)", "(gdb)   ", "(gd", "\"unclosed", "\"ends in backslash\\", "\"\\\"\"",
                "12^done,a=\"\\303\"", "a-b_C9=[]", "9x", " \t", "\u00e9\u00ff\"\u0080\"", "-x", "(gdb)(gdb) x",
                "12^done", "^", "7*stopped", "+", "=", "3=", "12", "0012 x", "a=", "a==\"1\"", "a-=", "_=[", "9a=",
                "12^done,frame={level=\"0\"},args=[\"x\",{}]")) {
            assertSameTokens(line);
        }
    }

    @Test
    void randomLinesFromTheMiAlphabetTokenizeLikeTheGeneratedLexer() {
        String alphabet = "^*+=~@&,{}[]\"\\\"\\ab_Z-09( gdb)\u00e9\t";
        Random random = new Random(20261125);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertSameTokens(sb.toString());
        }
    }
}
