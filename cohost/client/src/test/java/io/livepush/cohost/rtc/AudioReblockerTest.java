package io.livepush.cohost.rtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AudioReblockerTest {
    private final List<byte[]> blocks = new ArrayList<>();
    private final List<Integer> channels = new ArrayList<>();
    private final AudioReblocker reblocker = new AudioReblocker(b -> {
        blocks.add(b.pcm().clone());
        channels.add(b.channels());
    });

    @ParameterizedTest(name = "{0} samples per frame, {1} channels")
    @CsvSource({"336, 1", "480, 2", "960, 2", "1, 1", "1024, 2"})
    void anyBlockSizeBecomesContiguousTenMillisecondBlocks(int perFrame, int ch) {
        int total = 0;
        short next = 0;
        for (int f = 0; f < 40; f++) {
            short[] s = new short[perFrame * ch];
            for (int i = 0; i < s.length; i++) {
                s[i] = next++;
            }
            reblocker.push(new AudioFrame(s, 48_000, ch, 0));
            total += perFrame;
        }
        assertEquals(total / 480, blocks.size());
        assertEquals(total % 480 * ch, reblocker.pending());
        short expected = 0;
        for (byte[] b : blocks) {
            assertEquals(480 * ch * 2, b.length);
            for (int i = 0; i < b.length; i += 2) {
                short v = (short) ((b[i] & 0xFF) | (b[i + 1] << 8));
                assertEquals(expected++, v, "sample order and little-endian bytes");
            }
        }
        assertTrue(channels.stream().allMatch(c -> c == ch));
    }

    @Test
    void samplesAreWrittenLittleEndian() {
        short[] s = new short[480];
        s[0] = (short) 0x1234;
        s[1] = (short) -2; // 0xFFFE
        reblocker.push(new AudioFrame(s, 48_000, 1, 0));
        assertArrayEquals(new byte[] {0x34, 0x12, (byte) 0xFE, (byte) 0xFF}, java.util.Arrays.copyOf(blocks.get(0), 4));
    }

    @Test
    void aChannelChangeDropsThePartialBlockAndStartsOver() {
        reblocker.push(new AudioFrame(new short[300], 48_000, 1, 0));
        reblocker.push(new AudioFrame(new short[960], 48_000, 2, 0));
        assertEquals(1, blocks.size());
        assertEquals(2, channels.get(0));
        assertEquals(0, reblocker.pending());
    }

    @Test
    void audioAtAnotherRateIsRefusedNamingTheRates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reblocker.push(new AudioFrame(new short[441], 44_100, 1, 0)));
        assertTrue(e.getMessage().contains("44100") && e.getMessage().contains("48000"), e.getMessage());
    }
}
