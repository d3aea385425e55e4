package dev.vgharness.memcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlockContentsTest {

    @Test
    void bytesAreShownAsSpacedLowercaseHexAndAsPrintableAsciiWithDotsForTheRest() {
        byte[] bytes = {7, 0, 0, 0, 'h', 'o', 's', 't', '-', 'a', '\r', '\n', (byte) 0xff, 0x7f, ' ', '~'};

        assertEquals(new BlockContents("07 00 00 00 68 6f 73 74 2d 61 0d 0a ff 7f 20 7e", "....host-a.... ~"),
                BlockContents.of(bytes));
    }

    @Test
    void anEmptyBlockHasEmptyHexAndText() {
        assertEquals(new BlockContents("", ""), BlockContents.of(new byte[0]));
    }

    @Test
    void aPreviewLongerThanItsWidthIsCutWithAnEllipsis() {
        BlockContents c = BlockContents.of("GET /index.html HTTP/1.1".getBytes(StandardCharsets.US_ASCII));

        assertEquals("GET /index…", c.preview(11));
        assertEquals("GET /index.html HTTP/1.1", c.preview(24));
    }
}
