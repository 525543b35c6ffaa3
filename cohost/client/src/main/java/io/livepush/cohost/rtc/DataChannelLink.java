package io.livepush.cohost.rtc;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end of the {@value #LABEL} data channel: reliable and ordered, binary messages. Messages
 * sent before the channel opens wait (up to {@value #MAX_WAITING}) and go out in order once it
 * does; a message received is copied out of webrtc's buffer before the callback returns.
 *
 * <p>Threads: webrtc calls the observer on its signaling thread; {@link #send(byte[])} may come
 * from any thread; state is guarded by {@code this}. {@link #close()} follows the order that never
 * crashed: unregister the observer, close, dispose.
 *
 * <h2>Why the observer is a relay</h2>
 * webrtc-java 0.14.0 wraps the observer in a native object holding a JNI global reference and
 * never deletes it: {@code unregisterObserver()} only detaches it from the channel. Whatever is
 * registered stays reachable for the life of the process. Registering this link directly pinned
 * the whole leg (its listener, its decoded-frame pool's direct buffers, the mixer's feed) after
 * close, one leg per join/leave. So a {@link ObserverRelay} is registered instead, and
 * {@link #close()} cuts it loose: only the empty relay (a few bytes) stays pinned.
 */
final class DataChannelLink implements RTCDataChannelObserver {
    /** The channel's label, the same on both ends. */
    static final String LABEL = "livepush";
    /** The largest message accepted, well inside every SCTP implementation's limit. */
    static final int MAX_MESSAGE_BYTES = 65_536;
    /** Messages kept while the channel is not yet open. */
    static final int MAX_WAITING = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DataChannelLink.class);

    private final String owner;
    private final RTCDataChannel channel;
    private final Consumer<byte[]> onMessage;
    private final Runnable onRemoteClose;
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private final ObserverRelay relay;
    private boolean open;
    private boolean closed;

    /**
     * @param owner the leg's name, for messages
     * @param channel the webrtc channel (created locally or announced by the peer)
     * @param onMessage receives each message's bytes, on webrtc's signaling thread
     * @param onRemoteClose runs when the peer closes the channel while we did not
     */
    DataChannelLink(String owner, RTCDataChannel channel, Consumer<byte[]> onMessage, Runnable onRemoteClose) {
        this.owner = owner;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.onMessage = onMessage;
        this.onRemoteClose = onRemoteClose;
        this.relay = new ObserverRelay(this);
        channel.registerObserver(relay);
        if (channel.getState() == RTCDataChannelState.OPEN) {
            onStateChange();
        }
    }

    /** Checks a message against the limits, before anything is queued. */
    static void requireValidMessage(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (message.length < 1 || message.length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("data message of " + message.length
                    + " bytes is not allowed (expected 1.." + MAX_MESSAGE_BYTES + ")");
        }
    }

    /**
     * Sends a copy of {@code message} now, or when the channel opens.
     *
     * @throws IllegalArgumentException when the message is empty or over {@value #MAX_MESSAGE_BYTES} bytes
     * @throws IllegalStateException when the channel is closed or {@value #MAX_WAITING} messages already wait
     */
    synchronized void send(byte[] message) {
        requireValidMessage(message);
        if (closed) {
            throw new IllegalStateException(owner + ": the data channel is closed");
        }
        byte[] copy = message.clone();
        if (!open) {
            if (waiting.size() >= MAX_WAITING) {
                throw new IllegalStateException(owner + ": " + MAX_WAITING
                        + " data messages already wait for the channel to open");
            }
            waiting.add(copy);
            return;
        }
        transmit(copy);
    }

    private void transmit(byte[] message) {
        try {
            channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(message), true));
        } catch (Exception e) {
            throw new IllegalStateException(owner + ": the data channel did not take a message of "
                    + message.length + " bytes: " + e.getMessage(), e);
        }
    }

    @Override
    public void onBufferedAmountChange(long previousAmount) {
    }

    @Override
    public void onStateChange() {
        RTCDataChannelState state;
        synchronized (this) {
            if (closed) {
                return;
            }
            state = channel.getState();
            if (state == RTCDataChannelState.OPEN && !open) {
                open = true;
                while (!waiting.isEmpty()) {
                    transmit(waiting.poll());
                }
            }
        }
        if (state == RTCDataChannelState.CLOSED || state == RTCDataChannelState.CLOSING) {
            onRemoteClose.run();
        }
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
        ByteBuffer data = buffer.data;
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        onMessage.accept(bytes);
    }

    /** @return whether the channel has opened and not been closed by us */
    synchronized boolean isOpen() {
        return open && !closed;
    }

    /** Unregisters the observer, closes and disposes the channel. Idempotent. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            waiting.clear();
        }
        channel.unregisterObserver();
        relay.detach();
        channel.close();
        try {
            channel.dispose();
        } catch (RuntimeException | Error e) {
            // webrtc-java reports a channel the peer connection still references; it is freed with it
            LOG.debug("{}: data channel dispose: {}", owner, e.toString());
        }
    }

    /**
     * What webrtc-java actually holds (for ever, see the class Javadoc): forwards every callback to
     * its link until {@link #detach()}, then nothing. The link reference is volatile because the
     * callbacks run on webrtc's signaling thread and {@code detach} on the closing thread.
     */
    static final class ObserverRelay implements RTCDataChannelObserver {
        private volatile RTCDataChannelObserver target;

        ObserverRelay(RTCDataChannelObserver target) {
            this.target = target;
        }

        /** Drops the link; later callbacks (none come once unregistered) are ignored. */
        void detach() {
            target = null;
        }

        /** @return whether the relay still forwards to its link */
        boolean isAttached() {
            return target != null;
        }

        @Override
        public void onBufferedAmountChange(long previousAmount) {
            RTCDataChannelObserver t = target;
            if (t != null) {
                t.onBufferedAmountChange(previousAmount);
            }
        }

        @Override
        public void onStateChange() {
            RTCDataChannelObserver t = target;
            if (t != null) {
                t.onStateChange();
            }
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            RTCDataChannelObserver t = target;
            if (t != null) {
                t.onMessage(buffer);
            }
        }
    }
}
