package io.livepush.capture.screen;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The X server going away mid-capture (Xvfb killed) does not take the process down — Xlib's exit on
 * a lost connection is replaced — and {@link Screen#read()} then throws an {@link IOException} saying
 * the connection was lost; {@code close()} after that is safe.
 */
class ScreenDisplayLostIT {
    @TempDir
    Path dir;

    @Test
    void killingTheXServerMidCaptureMakesReadThrowAndTheProcessLives() throws Exception {
        Xvfb x = Xvfb.start(dir, 640, 360);
        Screen s;
        try {
            s = Screen.builder().display(x.display()).build();
            VideoFrame f = s.read();
            f.release();
        } finally {
            x.close(); // stops Xvfb by pid while the screen is open
        }
        Thread.sleep(200);
        IOException e = assertThrows(IOException.class, () -> {
            for (int i = 0; i < Screen.MAX_CONSECUTIVE_FAILURES + 5; i++) {
                VideoFrame f = s.read();
                if (f != null) {
                    f.release();
                }
            }
        });
        assertTrue(e.getMessage().contains(x.display()), e.getMessage());
        s.close();
        s.close();
        assertNull(s.read());
    }
}
