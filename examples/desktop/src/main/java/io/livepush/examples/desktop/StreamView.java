package io.livepush.examples.desktop;

import io.livepush.publisher.stream.LiveStreamStats;

/**
 * What the {@link StreamController} tells the window. Every method is called on the event dispatch
 * thread, one at a time; none may block.
 */
public interface StreamView {
    /**
     * Long work started: show a progress indicator until {@link #idle()}.
     *
     * @param what the work as text, e.g. "Connecting to rtmp://host/live/abcd****…"
     */
    void busy(String what);

    /** The long work ended: hide the progress indicator. */
    void idle();

    /**
     * The preview runs (not live).
     *
     * @param description the source and its settings
     */
    void previewing(String description);

    /**
     * The ingest accepted the stream.
     *
     * @param redactedUrl where it goes, key redacted
     */
    void live(String redactedUrl);

    /**
     * Once a second while live.
     *
     * @param stats the stream's figures for the last second
     */
    void stats(LiveStreamStats stats);

    /**
     * Something the user should know that is not an error (reconnecting, reconnected, event sent).
     *
     * @param words the sentence to show
     */
    void notice(String words);

    /** The stream ended (by Stop or because it failed). */
    void stopped();

    /**
     * Something failed.
     *
     * @param words what failed and what to do, as sentences to show
     */
    void error(String words);
}
