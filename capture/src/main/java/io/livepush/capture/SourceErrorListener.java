package io.livepush.capture;

/**
 * Told when a source hits an error it recovers from by itself: a microphone whose sound server
 * went away keeps delivering silence so the audio timeline goes on, a camera that stalls repeats
 * its last frame. The stream keeps running; the application learns what happened.
 *
 * <p>Called on the source's own thread; must not block.
 */
@FunctionalInterface
public interface SourceErrorListener {
    /**
     * @param source the source that hit the error
     * @param cause what went wrong
     */
    void onSourceError(Object source, Throwable cause);
}
