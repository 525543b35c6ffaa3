package io.livepush.publisher.stream;

import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.h264.AvcDecoderConfigurationRecord;
import io.livepush.encoder.h264.NalUnitType;
import io.livepush.publisher.flv.FlvAudioTagBody;
import io.livepush.publisher.flv.FlvVideoTagBody;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns queued packets into FLV tags on one output's {@link MediaSink}s. It owns the output's time
 * origin and the FLV framing:
 *
 * <ol>
 *   <li>the output starts at the first video keyframe: its decoding time becomes time 0, and audio
 *       captured before it is dropped (a few milliseconds at most);
 *   <li>before that keyframe go {@code @setDataFrame onMetaData}, the AVC sequence header and the
 *       AAC sequence header, in that order (SPECS.md, the publish sequence, step 6-7);
 *   <li>the AVC sequence header is sent again whenever the SPS or PPS change;
 *   <li>after {@link #restart(MediaSink)} (a new connection) it waits for the next keyframe and
 *       sends metadata and both sequence headers again, but keeps the time origin: timestamps go
 *       on where they were, which is what ingests expect of a publisher coming back (nginx-rtmp,
 *       YouTube and Twitch take a continuing timeline; a jump back to 0 looks like a new broadcast
 *       to some players and breaks the DVR window of others).
 * </ol>
 * Used by its output's one thread.
 */
final class StreamSender {
    private final Map<String, Object> metaData;
    private final byte[] audioSpecificConfig;
    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private final AtomicLong videoFramesSent = new AtomicLong();
    private final AtomicLong audioFramesSent = new AtomicLong();
    private final AtomicLong mediaBytesSent = new AtomicLong();
    private MediaSink sink;
    private long originUs = Long.MIN_VALUE;
    private boolean needHeaders = true;
    private byte[] lastSps;
    private byte[] lastPps;

    StreamSender(Map<String, Object> metaData, byte[] audioSpecificConfig) {
        this.metaData = metaData;
        this.audioSpecificConfig = audioSpecificConfig;
    }

    /** Starts over on a new sink (a new connection): headers again from the next keyframe, same origin. */
    void restart(MediaSink newSink) {
        this.sink = newSink;
        this.needHeaders = true;
        this.lastSps = null;
        this.lastPps = null;
    }

    /** @return true when the next packet is only sent if it is a keyframe */
    boolean awaitingKeyframe() {
        return needHeaders;
    }

    /**
     * Sends one packet, or skips it while waiting for a keyframe or when it lies before the origin.
     *
     * @return true when it was sent
     */
    boolean send(MediaPacket p) throws IOException {
        if (needHeaders) {
            if (!p.isKeyframe()) {
                return false;
            }
            if (originUs == Long.MIN_VALUE) {
                originUs = p.dtsUs();
            }
            sendHeaders(p.video(), tsMs(p));
            needHeaders = false;
        }
        if (p.dtsUs() < originUs) {
            return false;
        }
        long tsMs = tsMs(p);
        if (p.isVideo()) {
            EncodedVideoFrame au = p.video();
            if (au.keyframe()) {
                sendAvcSequenceHeaderIfChanged(au, tsMs);
            }
            int cts = (int) ((au.ptsUs() - au.dtsUs()) / 1000L);
            ByteBuf body = FlvVideoTagBody.avcNalUnits(alloc, au.keyframe(), cts, withoutParameterSets(au));
            mediaBytesSent.addAndGet(body.readableBytes());
            sink.video(tsMs, body);
            videoFramesSent.incrementAndGet();
        } else {
            ByteBuf body = FlvAudioTagBody.aacRaw(alloc, p.audio().data());
            mediaBytesSent.addAndGet(body.readableBytes());
            sink.audio(tsMs, body);
            audioFramesSent.incrementAndGet();
        }
        return true;
    }

    private long tsMs(MediaPacket p) {
        return Math.max(0, (p.dtsUs() - originUs) / 1000L);
    }

    /** Step 6-7 of the publish sequence: metadata, AVC sequence header, AAC sequence header. */
    private void sendHeaders(EncodedVideoFrame firstKeyframe, long tsMs) throws IOException {
        sink.metaData(metaData);
        sendAvcSequenceHeaderIfChanged(firstKeyframe, tsMs);
        if (audioSpecificConfig != null) {
            sink.audio(tsMs, FlvAudioTagBody.aacSequenceHeader(alloc, audioSpecificConfig));
        }
    }

    private void sendAvcSequenceHeaderIfChanged(EncodedVideoFrame au, long tsMs) throws IOException {
        byte[] sps = au.firstNal(NalUnitType.SEQ_PARAMETER_SET.value());
        byte[] pps = au.firstNal(NalUnitType.PIC_PARAMETER_SET.value());
        if (sps == null || pps == null) {
            return;
        }
        if (Arrays.equals(sps, lastSps) && Arrays.equals(pps, lastPps)) {
            return;
        }
        lastSps = sps;
        lastPps = pps;
        byte[] record = AvcDecoderConfigurationRecord.of(sps, pps).toBytes();
        sink.video(tsMs, FlvVideoTagBody.avcSequenceHeader(alloc, record));
    }

    /** SPS and PPS travel in the sequence header; in-band copies are left out, as FLV muxers do. */
    private static List<byte[]> withoutParameterSets(EncodedVideoFrame au) {
        List<byte[]> nals = new ArrayList<>(au.nalUnits().size());
        for (byte[] nal : au.nalUnits()) {
            int type = nal[0] & 0x1F;
            if (type != NalUnitType.SEQ_PARAMETER_SET.value() && type != NalUnitType.PIC_PARAMETER_SET.value()
                    && type != NalUnitType.ACCESS_UNIT_DELIMITER.value()) {
                nals.add(nal);
            }
        }
        return nals;
    }

    /** @return whether the sink can take more now */
    boolean writable() {
        return sink != null && sink.writable();
    }

    long videoFramesSent() {
        return videoFramesSent.get();
    }

    long audioFramesSent() {
        return audioFramesSent.get();
    }

    long mediaBytesSent() {
        return mediaBytesSent.get();
    }
}
