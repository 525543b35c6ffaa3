package io.livepush.capture.y4m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.capture.source.FrameRate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Y4mHeaderTest {
    @Test
    void parsesTheHeaderFfmpegWritesForYuv420p() throws Exception {
        Y4mHeader h = Y4mHeader.parse("YUV4MPEG2 W320 H240 F30:1 Ip A1:1 C420jpeg XYSCSS=420JPEG\n");
        assertEquals(new Y4mHeader(320, 240, FrameRate.of(30), 'p', 1, 1, "420jpeg", List.of("YSCSS=420JPEG")), h);
        assertEquals(320 * 240 * 3 / 2, h.frameBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"420", "420jpeg", "420paldv", "420mpeg2"})
    void acceptsEvery8Bit420ColourSpace(String c) throws Exception {
        assertEquals(c, Y4mHeader.parse("YUV4MPEG2 W16 H16 F25:1 C" + c).colourSpace());
    }

    @Test
    void optionalTagsTakeTheirDefaultsAndUnknownTagsAreIgnored() throws Exception {
        Y4mHeader h = Y4mHeader.parse("YUV4MPEG2 W64 H32 F30000:1001 Zsomething");
        assertEquals('?', h.interlace());
        assertEquals(0, h.aspectNumerator());
        assertEquals("420jpeg", h.colourSpace());
        assertEquals(new FrameRate(30000, 1001), h.frameRate());
        assertEquals(List.of(), h.extensions());
    }

    @Test
    void headerLineRoundTrips() throws Exception {
        Y4mHeader h = new Y4mHeader(1280, 720, new FrameRate(30000, 1001), 't', 10, 11, "420mpeg2", List.of("COLORRANGE=LIMITED"));
        assertEquals("YUV4MPEG2 W1280 H720 F30000:1001 It A10:11 C420mpeg2 XCOLORRANGE=LIMITED\n", h.toLine());
        assertEquals(h, Y4mHeader.parse(h.toLine()));
        assertEquals("YUV4MPEG2 W2 H2 F30:1 Ip A1:1 C420jpeg\n", Y4mHeader.of(2, 2, FrameRate.of(30)).toLine());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "YUV4MPEG2 W320 H240 F30:1 C444|Y4M colour space C444 is not supported (supported: C420, C420jpeg, C420paldv, C420mpeg2)",
        "YUV4MPEG2 W320 H240 F30:1 C420p10|Y4M colour space C420p10 is not supported (supported: C420, C420jpeg, C420paldv, C420mpeg2)",
        "YUV4MPEG2 W320 H240 F30:1 Cmono|Y4M colour space Cmono is not supported (supported: C420, C420jpeg, C420paldv, C420mpeg2)",
        "YUV4MPEG W320 H240 F30:1|not a Y4M stream: it starts with \"YUV4MPEG\" (expected \"YUV4MPEG2 \")",
        "YUV4MPEG2 H240 F30:1|Y4M header \"YUV4MPEG2 H240 F30:1\" lacks W (width) (W, H and F are required)",
        "YUV4MPEG2 W320 F30:1|Y4M header \"YUV4MPEG2 W320 F30:1\" lacks H (height) (W, H and F are required)",
        "YUV4MPEG2 W320 H240|Y4M header \"YUV4MPEG2 W320 H240\" lacks F (frame rate) (W, H and F are required)",
        "YUV4MPEG2 Wabc H240 F30:1|Y4M W (width) \"abc\" is not allowed (expected a positive integer)",
        "YUV4MPEG2 W320 H240 F30|Y4M F (frame rate) \"30\" is not allowed (expected two integers as N:D)",
        "YUV4MPEG2 W320 H240 F0:1|Y4M F0:1: frame rate 0/1 is not allowed (expected a fraction of positive integers up to 1000000, at most 240 fps)",
        "YUV4MPEG2 W321 H240 F30:1|frame size 321x240 is not allowed (expected even width and height, each 2..16384)",
        "YUV4MPEG2 W320 H240 F30:1 Ix|Y4M interlace Ix is not allowed (expected Ip, It, Ib, Im or I?)",
        "YUV4MPEG2 W320 H240 F30:1 Ipp|Y4M interlace Ipp is not allowed (expected Ip, It, Ib, Im or I?)",
    })
    void badHeadersAreRejectedSayingWhatIsAllowed(String line, String message) {
        Y4mFormatException e = assertThrows(Y4mFormatException.class, () -> Y4mHeader.parse(line));
        assertEquals(message, e.getMessage());
    }
}
