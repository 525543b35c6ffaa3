package io.livepush.encoder.javaaac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The FFT-based MDCT against the defining sum, and the windows' perfect-reconstruction condition. */
class MdctTest {
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {16, 256, 2048})
    void fastMdctEqualsTheDefiningSum(int n) {
        Random r = new Random(n);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian() * 1000;
        }
        double[] fast = new double[n / 2];
        new Mdct(n).forward(z, 0, fast, 0);
        double n0 = (n / 2.0 + 1) / 2;
        for (int k = 0; k < n / 2; k++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += z[i] * Math.cos(2 * Math.PI / n * (i + n0) * (k + 0.5));
            }
            assertEquals(2 * sum, fast[k], 1e-6 * n * 1000, "coefficient " + k);
        }
    }

    @Test
    void aLengthThatIsNotAPowerOfTwoIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Mdct(1000));
        assertEquals("MDCT length 1000 is not allowed (expected a power of two >= 16)", e.getMessage());
    }

    @Test
    void everyWindowTransitionSatisfiesPrincenBradley() {
        Windows windows = new Windows();
        double[] a = new double[2048];
        double[] b = new double[2048];
        WindowSequence[] seq = WindowSequence.values();
        for (WindowSequence first : seq) {
            for (WindowSequence second : seq) {
                boolean firstShortRight = first == WindowSequence.LONG_START || first == WindowSequence.EIGHT_SHORT;
                boolean secondShortLeft = second == WindowSequence.LONG_STOP || second == WindowSequence.EIGHT_SHORT;
                if (firstShortRight != secondShortLeft || first == WindowSequence.EIGHT_SHORT || second == WindowSequence.EIGHT_SHORT) {
                    continue;
                }
                for (int shape = 0; shape < 2; shape++) {
                    windows.longBlock(first, 0, shape, a);
                    windows.longBlock(second, shape, 1 - shape, b);
                    for (int i = 0; i < 1024; i++) {
                        double sum = a[1024 + i] * a[1024 + i] + b[i] * b[i];
                        assertEquals(1, sum, 1e-9, first + " -> " + second + " shape " + shape + " sample " + i);
                    }
                }
            }
        }
        double[] s = new double[256];
        for (int shape = 0; shape < 2; shape++) {
            windows.shortWindow(3, shape, shape, s);
            for (int i = 0; i < 128; i++) {
                assertEquals(1, s[128 + i] * s[128 + i] + s[i] * s[i], 1e-9, "short window overlap sample " + i);
            }
        }
    }
}
