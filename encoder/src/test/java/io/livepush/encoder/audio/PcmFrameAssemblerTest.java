package io.livepush.encoder.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcmFrameAssemblerTest {
    @Test
    void cutsOddSizedStereoBlocksIntoWholeFramesInOrder() {
        PcmFrameAssembler a = new PcmFrameAssembler(2, 4);
        List<short[]> frames = new ArrayList<>();
        short next = 0;
        int completed = 0;
        for (int block : new int[] {3, 1, 5, 0, 7}) { // 16 samples per channel in all
            short[] s = new short[block * 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = next++;
            }
            completed += a.append(s, f -> frames.add(f.clone()));
        }
        assertEquals(4, completed);
        assertEquals(4, frames.size());
        for (int f = 0; f < 4; f++) {
            for (int i = 0; i < 8; i++) {
                assertEquals(f * 8 + i, frames.get(f)[i], "frame " + f + " sample " + i);
            }
        }
        assertEquals(0, a.bufferedSamples());
        assertFalse(a.padAndEmit(f -> frames.add(f.clone())));
    }

    @Test
    void padsAPartialFrameWithSilence() {
        PcmFrameAssembler a = new PcmFrameAssembler(1, 4);
        List<short[]> frames = new ArrayList<>();
        a.append(new short[] {9, 9, 9, 9, 5, 6}, f -> frames.add(f.clone()));
        assertEquals(2, a.bufferedSamples());
        assertTrue(a.padAndEmit(f -> frames.add(f.clone())));
        assertEquals(List.of(9, 9, 9, 9), toList(frames.get(0)));
        assertEquals(List.of(5, 6, 0, 0), toList(frames.get(1)));
        assertEquals(0, a.bufferedSamples());
    }

    @Test
    void rejectsSamplesThatDoNotDivideIntoChannels() {
        PcmFrameAssembler a = new PcmFrameAssembler(2, 1024);
        assertEquals("3 samples do not divide into 2 channels",
                assertThrows(IllegalArgumentException.class, () -> a.append(new short[3], f -> { })).getMessage());
    }

    private static List<Integer> toList(short[] s) {
        List<Integer> l = new ArrayList<>();
        for (short v : s) {
            l.add((int) v);
        }
        return l;
    }
}
