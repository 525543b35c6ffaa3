package io.livepush.publisher.stream;

import io.livepush.publisher.flv.FlvScriptTagBody;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.flv.FlvWriter;
import io.livepush.publisher.rtmp.client.RtmpPublishSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.util.Map;

/**
 * Where a {@link StreamSender} puts FLV tag bodies: an RTMP publish session or an FLV file. Each
 * call takes ownership of the body. Used by one thread.
 */
interface MediaSink {
    void metaData(Map<String, Object> metaData) throws IOException;

    void video(long tsMs, ByteBuf body) throws IOException;

    void audio(long tsMs, ByteBuf body) throws IOException;

    /** @return false while the sink cannot take more without buffering (the sender then waits) */
    boolean writable();

    /** An RTMP session as a sink. */
    static MediaSink of(RtmpPublishSession session) {
        return new MediaSink() {
            @Override
            public void metaData(Map<String, Object> metaData) {
                session.sendMetaData(metaData);
            }

            @Override
            public void video(long tsMs, ByteBuf body) {
                session.sendVideo(tsMs, body);
            }

            @Override
            public void audio(long tsMs, ByteBuf body) {
                session.sendAudio(tsMs, body);
            }

            @Override
            public boolean writable() {
                return session.isWritable();
            }
        };
    }

    /** An FLV file as a sink; always writable (a disk keeps up with a live stream). */
    static MediaSink of(FlvWriter writer, ByteBufAllocator alloc) {
        return new MediaSink() {
            @Override
            public void metaData(Map<String, Object> metaData) throws IOException {
                write(FlvTagType.SCRIPT_DATA, 0, FlvScriptTagBody.onMetaData(alloc, metaData));
            }

            @Override
            public void video(long tsMs, ByteBuf body) throws IOException {
                write(FlvTagType.VIDEO, tsMs, body);
            }

            @Override
            public void audio(long tsMs, ByteBuf body) throws IOException {
                write(FlvTagType.AUDIO, tsMs, body);
            }

            private void write(FlvTagType type, long tsMs, ByteBuf body) throws IOException {
                try {
                    writer.writeTag(type, tsMs, body);
                } finally {
                    body.release();
                }
            }

            @Override
            public boolean writable() {
                return true;
            }
        };
    }
}
