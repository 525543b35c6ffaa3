package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.amf.Amf0EcmaArray;
import io.livepush.publisher.rtmp.message.AudioMessage;
import io.livepush.publisher.rtmp.message.DataMessage;
import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.VideoMessage;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link RtmpPublishSession} over one channel. Sends are executed on the channel's event loop as one task each
 * (write only), and a flush task is queued behind them when none is pending, so a burst of sends is flushed once
 * while a lone send is flushed as soon as the event loop has written it. Counters are atomics, readable from any
 * thread. {@link #whenWritable()} futures are completed from the handler's writability and close events.
 */
final class DefaultRtmpPublishSession implements RtmpPublishSession {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRtmpPublishSession.class);

    private final Channel channel;
    private final RtmpPublishHandler handler;
    private final String remoteAddress;
    private final AtomicLong pendingBytes = new AtomicLong();
    /** Only touched on the event loop. */
    private boolean flushQueued;
    private final Runnable flushTask = this::flushNow;
    /** The future a caller waits on while the channel is not writable; null when nobody waits. */
    private final AtomicReference<CompletableFuture<Void>> writableWaiter = new AtomicReference<>();

    DefaultRtmpPublishSession(Channel channel, RtmpPublishHandler handler, RtmpUrl url) {
        this.channel = channel;
        this.handler = handler;
        this.remoteAddress = url.host() + ":" + url.port();
    }

    @Override
    public void sendMetaData(Map<String, Object> metadata) {
        Amf0EcmaArray array = metadata instanceof Amf0EcmaArray a ? a : new Amf0EcmaArray(metadata);
        send(DataMessage.setDataFrameOnMetaData(array).toMessage(channel.alloc(), 0, streamIdOrZero()));
    }

    @Override
    public void sendVideo(long timestampMs, ByteBuf flvVideoBody) {
        send(create(true, timestampMs, flvVideoBody));
    }

    @Override
    public void sendAudio(long timestampMs, ByteBuf flvAudioBody) {
        send(create(false, timestampMs, flvAudioBody));
    }

    private RtmpMessage create(boolean video, long timestampMs, ByteBuf body) {
        try {
            return video ? VideoMessage.create(timestampMs, streamIdOrZero(), body)
                    : AudioMessage.create(timestampMs, streamIdOrZero(), body);
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
    }

    private int streamIdOrZero() {
        return Math.max(0, handler.streamId());
    }

    private void send(RtmpMessage message) {
        if (handler.state() != RtmpPublishState.PUBLISHING) {
            LOG.debug("Dropping {}: session is {}", message, handler.state());
            message.release();
            return;
        }
        int length = message.payloadLength();
        pendingBytes.addAndGet(length);
        channel.eventLoop().execute(() -> {
            channel.write(message).addListener(f -> pendingBytes.addAndGet(-length));
            if (!flushQueued) {
                flushQueued = true;
                channel.eventLoop().execute(flushTask);
            }
        });
    }

    private void flushNow() {
        flushQueued = false;
        channel.flush();
        io.netty.channel.ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        handler.flushed(out == null ? 0 : out.totalPendingWriteBytes());
    }

    /** @return the connection's channel (package access, for tests that look at its pipeline) */
    Channel channel() {
        return channel;
    }

    @Override
    public long rttMillis() {
        return handler.rttMillis();
    }

    @Override
    public CompletableFuture<String> reconnectRequest() {
        return handler.reconnectRequest();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public CompletableFuture<Void> whenWritable() {
        if (writableOrGone()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waiter = writableWaiter.updateAndGet(
                current -> current == null || current.isDone() ? new CompletableFuture<>() : current);
        // The event loop may have found nobody waiting just before the waiter was installed: look again.
        if (writableOrGone()) {
            waiter.complete(null);
        }
        return waiter.copy(); // a caller cancelling its future leaves the other waiters' alone
    }

    private boolean writableOrGone() {
        return channel.isWritable() || !channel.isActive();
    }

    /** The channel's writability changed or it closed; on the event loop. */
    void writabilityChanged() {
        if (writableOrGone()) {
            CompletableFuture<Void> waiter = writableWaiter.getAndSet(null);
            if (waiter != null) {
                waiter.complete(null);
            }
        }
    }

    @Override
    public long pendingWriteBytes() {
        return pendingBytes.get();
    }

    @Override
    public long bytesSent() {
        return handler.counter().bytesSent();
    }

    @Override
    public RtmpPublishState state() {
        return handler.state();
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return handler.closeFuture();
    }

    @Override
    public void close() {
        channel.eventLoop().execute(handler::beginClose);
        if (channel.eventLoop().inEventLoop()) {
            return;
        }
        try {
            handler.closeFuture().get(handler.closeTimeoutMillis() + 200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("close did not complete in time: {}", e.toString());
            channel.close();
        }
    }
}
