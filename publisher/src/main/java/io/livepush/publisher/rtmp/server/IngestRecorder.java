package io.livepush.publisher.rtmp.server;

import io.livepush.publisher.amf.Amf0Writer;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.flv.FlvWriter;
import io.livepush.publisher.rtmp.message.DataMessage;
import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.RtmpMessageType;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes one published stream to an FLV file (FLV v10.1): the header, then each audio, video and data message
 * as a tag with its RTMP timestamp, as received. A data message sent as {@code @setDataFrame("onMetaData", ...)}
 * is stored without the {@code @setDataFrame} handler name, as an {@code onMetaData} script tag. Used on the
 * connection's event loop only (local ingest; file writes are small and buffered).
 */
final class IngestRecorder implements AutoCloseable {

    private static final int SET_DATA_FRAME_SIZE = Amf0Writer.sizeOf(DataMessage.SET_DATA_FRAME);
    private static final byte[] SET_DATA_FRAME_BYTES = amf0String(DataMessage.SET_DATA_FRAME);

    private final FlvWriter writer;

    IngestRecorder(Path file) throws IOException {
        this.writer = FlvWriter.open(file);
        writer.writeHeader(true, true);
    }

    void write(RtmpMessage message) throws IOException {
        RtmpMessageType type = RtmpMessageType.of(message.typeId());
        ByteBuf body = message.payload();
        if (type == RtmpMessageType.AUDIO) {
            writer.writeTag(FlvTagType.AUDIO, message.timestamp(), body);
        } else if (type == RtmpMessageType.VIDEO) {
            writer.writeTag(FlvTagType.VIDEO, message.timestamp(), body);
        } else if (type == RtmpMessageType.DATA_AMF0) {
            ByteBuf script = startsWithSetDataFrame(body)
                    ? body.slice(body.readerIndex() + SET_DATA_FRAME_SIZE, body.readableBytes() - SET_DATA_FRAME_SIZE)
                    : body;
            writer.writeTag(FlvTagType.SCRIPT_DATA, message.timestamp(), script);
        }
    }

    private static boolean startsWithSetDataFrame(ByteBuf body) {
        if (body.readableBytes() < SET_DATA_FRAME_BYTES.length) {
            return false;
        }
        for (int i = 0; i < SET_DATA_FRAME_BYTES.length; i++) {
            if (body.getByte(body.readerIndex() + i) != SET_DATA_FRAME_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] amf0String(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[3 + utf8.length];
        out[0] = 0x02;
        out[1] = (byte) (utf8.length >> 8);
        out[2] = (byte) utf8.length;
        System.arraycopy(utf8, 0, out, 3, utf8.length);
        return out;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
