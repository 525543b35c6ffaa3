package io.livepush.publisher.stream;

import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.h264.AvcDecoderConfigurationRecord;
import io.livepush.encoder.h264.NalUnitType;
import io.livepush.publisher.flv.FlvAudioTagBody;
import io.livepush.publisher.flv.FlvScriptTagBody;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.flv.FlvVideoTagBody;
import io.livepush.publisher.flv.FlvWriter;
import io.livepush.publisher.rtmp.client.RtmpPublishSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drains the {@link MediaSendQueue} onto the RTMP session (and the optional FLV recording) on one
 * thread, {@code livepush-sender}. It owns the stream's time origin and the FLV framing:
 *
 * <ol>
 *   <li>the stream starts at the first video keyframe: its decoding time becomes RTMP time 0, and
 *       audio captured before it is dropped (a few milliseconds at most);
 *   <li>before that keyframe go {@code @setDataFrame onMetaData}, the AVC sequence header and the
 *       AAC sequence header, in that order (SPECS.md, the publish sequence, step 6-7);
 *   <li>the AVC sequence header is sent again whenever the SPS or PPS change;
 *   <li>while the connection is not writable the thread waits, so the queue, not Netty's outbound
 *       buffer, holds the backlog and the congestion rule can see it.
 * </ol>
 */
final class StreamSender {
    private final MediaSendQueue queue;
    private final RtmpPublishSession session;
    private final FlvWriter recorder;
    private final Map<String, Object> metaData;
    private final byte[] audioSpecificConfig;
    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private final PipelineWorker worker;
    private final AtomicLong videoFramesSent = new AtomicLong();
    private final AtomicLong mediaBytesSent = new AtomicLong();
    private volatile boolean draining;
    private long originUs = Long.MIN_VALUE;
    private byte[] lastSps;
    private byte[] lastPps;

    StreamSender(MediaSendQueue queue, RtmpPublishSession session, FlvWriter recorder, Map<String, Object> metaData,
            byte[] audioSpecificConfig, Consumer<Throwable> onFailure) {
        this.queue = queue;
        this.session = session;
        this.recorder = recorder;
        this.metaData = metaData;
        this.audioSpecificConfig = audioSpecificConfig;
        this.worker = new PipelineWorker("livepush-sender", this::loop, onFailure);
    }

    void start() {
        worker.start();
    }

    private void loop(PipelineWorker self) throws Exception {
        while (self.running()) {
            MediaPacket p = queue.take(50, TimeUnit.MILLISECONDS);
            if (p == null) {
                if (draining) {
                    return;
                }
                continue;
            }
            if (originUs == Long.MIN_VALUE) {
                if (!p.isKeyframe()) {
                    continue;
                }
                originUs = p.dtsUs();
                sendHeaders(p.video());
            }
            if (p.dtsUs() < originUs) {
                continue;
            }
            awaitWritable();
            send(p);
        }
    }

    private void awaitWritable() throws InterruptedException {
        while (worker.running() && !session.isWritable()) {
            Thread.sleep(2);
        }
    }

    /** Step 6-7 of the publish sequence: metadata, AVC sequence header, AAC sequence header, at time 0. */
    private void sendHeaders(EncodedVideoFrame firstKeyframe) throws IOException {
        session.sendMetaData(metaData);
        record(FlvTagType.SCRIPT_DATA, 0, FlvScriptTagBody.onMetaData(alloc, metaData));
        sendAvcSequenceHeaderIfChanged(firstKeyframe, 0);
        if (audioSpecificConfig != null) {
            ByteBuf asc = FlvAudioTagBody.aacSequenceHeader(alloc, audioSpecificConfig);
            record(FlvTagType.AUDIO, 0, asc.retainedDuplicate());
            session.sendAudio(0, asc);
        }
    }

    private void send(MediaPacket p) throws IOException {
        long tsMs = (p.dtsUs() - originUs) / 1000L;
        if (p.isVideo()) {
            EncodedVideoFrame au = p.video();
            if (au.keyframe()) {
                sendAvcSequenceHeaderIfChanged(au, tsMs);
            }
            int cts = (int) ((au.ptsUs() - au.dtsUs()) / 1000L);
            ByteBuf body = FlvVideoTagBody.avcNalUnits(alloc, au.keyframe(), cts, withoutParameterSets(au));
            mediaBytesSent.addAndGet(body.readableBytes());
            record(FlvTagType.VIDEO, tsMs, body.retainedDuplicate());
            session.sendVideo(tsMs, body);
            videoFramesSent.incrementAndGet();
        } else {
            ByteBuf body = FlvAudioTagBody.aacRaw(alloc, p.audio().data());
            mediaBytesSent.addAndGet(body.readableBytes());
            record(FlvTagType.AUDIO, tsMs, body.retainedDuplicate());
            session.sendAudio(tsMs, body);
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
        ByteBuf body = FlvVideoTagBody.avcSequenceHeader(alloc, record);
        record(FlvTagType.VIDEO, tsMs, body.retainedDuplicate());
        session.sendVideo(tsMs, body);
    }

    /** SPS and PPS travel in the sequence header; in-band copies are left out, as FLV muxers do. */
    private static List<byte[]> withoutParameterSets(EncodedVideoFrame au) {
        List<byte[]> nals = new ArrayList<>(au.nalUnits().size());
        for (byte[] nal : au.nalUnits()) {
            int type = nal[0] & 0x1F;
            if (type != NalUnitType.SEQ_PARAMETER_SET.value() && type != NalUnitType.PIC_PARAMETER_SET.value() && type != NalUnitType.ACCESS_UNIT_DELIMITER.value()) {
                nals.add(nal);
            }
        }
        return nals;
    }

    private void record(FlvTagType type, long tsMs, ByteBuf body) throws IOException {
        try {
            if (recorder != null) {
                recorder.writeTag(type, tsMs, body);
            }
        } finally {
            body.release();
        }
    }

    long videoFramesSent() {
        return videoFramesSent.get();
    }

    long mediaBytesSent() {
        return mediaBytesSent.get();
    }

    /** Sends what is queued, then stops; waits up to {@code timeoutMs}. */
    void drainAndStop(long timeoutMs) {
        draining = true;
        queue.close();
        worker.join(timeoutMs);
        worker.stop(PipelineWorker.deadline(1));
    }
}
