package io.livepush.capture.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Waits for a recording that another process or thread writes to be complete. */
public final class RecordingFiles {
    private RecordingFiles() {
    }

    /** Waits until {@code file} exists and its size stops changing for 300 ms; fails after 10 s. */
    public static void awaitSettled(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long size = file.toFile().length();
            if (Files.exists(file) && size > 0 && size == last) {
                return;
            }
            last = size;
            Thread.sleep(300);
        }
        throw new AssertionError("recording " + file + " did not settle within 10 s");
    }
}
