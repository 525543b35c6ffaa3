package io.livepush.examples.desktop;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The hand-over between the capture side and the screen: the newest preview picture, replacing any
 * not yet shown (older pictures are simply dropped, so a slow screen never holds up capture).
 * Thread-safe: capture threads {@link #accept}, the event dispatch thread {@link #take}s.
 */
public final class LatestPreview implements Consumer<PreviewImage> {
    private final AtomicReference<PreviewImage> latest = new AtomicReference<>();

    @Override
    public void accept(PreviewImage image) {
        latest.set(image);
    }

    /** @return the newest picture not taken yet, or {@code null} */
    public PreviewImage take() {
        return latest.getAndSet(null);
    }
}
