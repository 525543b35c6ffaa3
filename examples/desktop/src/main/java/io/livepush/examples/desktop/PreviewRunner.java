package io.livepush.examples.desktop;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoSource;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a source running for the preview while the app is not live: one thread
 * ({@code livepush-desktop-preview}) reads frames through a {@link PreviewTap} and releases them.
 * {@link #close()} stops the thread and closes the source; idempotent.
 */
final class PreviewRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewRunner.class);

    private final VideoSource source;
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * @param source the tapped source (owned from now on)
     * @param onError told, on the preview thread, when the source fails for good
     */
    PreviewRunner(VideoSource source, Consumer<Throwable> onError) {
        this.source = Objects.requireNonNull(source, "source");
        this.thread = new Thread(() -> run(onError), "livepush-desktop-preview");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run(Consumer<Throwable> onError) {
        try {
            while (!stopping) {
                VideoFrame f = source.read();
                if (f == null) {
                    return;
                }
                f.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            if (!stopping) {
                LOG.warn("preview source failed: {}", e.toString());
                onError.accept(e);
            }
        }
    }

    @Override
    public void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        thread.interrupt();
        try {
            thread.join(1000); // a source's read() ends on interrupt or at its next frame
            source.close();    // also ends a read() blocked in a device (sources allow close from any thread)
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
