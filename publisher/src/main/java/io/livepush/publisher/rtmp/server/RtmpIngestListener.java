package io.livepush.publisher.rtmp.server;

/**
 * Events of an {@link RtmpIngestServer}. All methods have no-op defaults.
 *
 * <p>Threading: called on the server's single listener thread {@code livepush-ingest-listener-N}, in arrival order
 * per connection, never on an event loop. Methods must not block for long: events queue up behind them
 * (arrival times are taken before queueing, so measurements stay right).
 */
public interface RtmpIngestListener {

    /**
     * A client started publishing (the server answered {@code NetStream.Publish.Start}).
     *
     * @param streamKeyRedacted the publish name, redacted
     * @param app               the application name from {@code connect}
     */
    default void onPublishStart(String streamKeyRedacted, String app) {
    }

    /**
     * A media or data message arrived on a publish stream.
     *
     * @param message the message with a payload copy and arrival times
     */
    default void onMessage(IngestedMessage message) {
    }

    /**
     * A publish ended ({@code deleteStream}, {@code FCUnpublish} or the connection closed).
     *
     * @param streamKeyRedacted the publish name, redacted
     */
    default void onPublishEnd(String streamKeyRedacted) {
    }
}
