package io.livepush.encoder.openh264;

import static io.livepush.natives.openh264.CodecAppDef.CAMERA_VIDEO_REAL_TIME;
import static io.livepush.natives.openh264.CodecAppDef.CONSTANT_ID;
import static io.livepush.natives.openh264.CodecAppDef.ENCODER_OPTION_BITRATE;
import static io.livepush.natives.openh264.CodecAppDef.ENCODER_OPTION_TRACE_LEVEL;
import static io.livepush.natives.openh264.CodecAppDef.RC_BITRATE_MODE;
import static io.livepush.natives.openh264.CodecAppDef.RC_QUALITY_MODE;
import static io.livepush.natives.openh264.CodecAppDef.SM_FIXEDSLCNUM_SLICE;
import static io.livepush.natives.openh264.CodecAppDef.SM_SINGLE_SLICE;
import static io.livepush.natives.openh264.CodecAppDef.SPATIAL_LAYER_ALL;
import static io.livepush.natives.openh264.CodecAppDef.UNSPECIFIED_BIT_RATE;
import static io.livepush.natives.openh264.CodecAppDef.WELS_LOG_QUIET;
import static io.livepush.natives.openh264.CodecDef.videoFormatI420;
import static io.livepush.natives.openh264.CodecDef.videoFrameTypeIDR;
import static io.livepush.natives.openh264.CodecDef.videoFrameTypeInvalid;
import static io.livepush.natives.openh264.CodecDef.videoFrameTypeSkip;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.livepush.capture.VideoFrame;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.spi.H264EncoderBackend;
import io.livepush.natives.NativeStruct;
import io.livepush.natives.openh264.CodecDef;
import io.livepush.natives.openh264.ISVCEncoder;
import io.livepush.natives.openh264.SEncParamExt;
import io.livepush.natives.openh264.SFrameBSInfo;
import io.livepush.natives.openh264.SLayerBSInfo;
import io.livepush.natives.openh264.SSourcePicture;
import io.livepush.natives.openh264.SSpatialLayerConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * H.264 through Cisco's OpenH264 ({@code libopenh264}, BSD licence), called through JNA.
 *
 * <p>Settings, from the library's defaults ({@code GetDefaultParams}): camera real-time usage; one
 * spatial and one temporal layer of the configured size, frame rate and bitrate; no periodic IDR
 * ({@code uiIntraPeriod} 0) and no scene-change IDRs, so IDRs come only when forced; SPS and PPS
 * before every IDR, always with id 0 ({@code CONSTANT_ID}, so one AVC sequence header fits the whole
 * stream); Constrained Baseline profile with CAVLC (the library's default). Rate control:
 * {@code CBR} is {@code RC_BITRATE_MODE} with frame skipping allowed (a skipped frame gives
 * {@code null}); {@code VBR} is {@code RC_BITRATE_MODE} without frame skipping; {@code QUALITY} is
 * {@code RC_QUALITY_MODE} without frame skipping. Threads: {@code config.threads()} encoder threads
 * (0 = one per core); with more than one, each picture is cut into that many slices so they can work
 * in parallel. The library's own log is silenced; failures come back as exceptions naming the call.
 * OpenH264 caps the frame rate it plans for at 60; faster input still encodes.
 *
 * <p>Each frame is encoded straight from the {@link VideoFrame}'s direct buffer (no copy), and the
 * {@code SSourcePicture} and {@code SFrameBSInfo} records are allocated once and reused, so the only
 * per-frame allocations are the NAL unit arrays handed out.
 *
 * <p>Threads: not thread-safe; one thread encodes and calls {@link #setBitrate} (the
 * {@link H264EncoderBackend} contract). {@link #close()} frees the encoder and its native records;
 * idempotent.
 */
public final class OpenH264Backend implements H264EncoderBackend {
    private final VideoEncoderConfig config;
    private final ISVCEncoder encoder;
    private final Memory picture;
    private final Memory frameInfo;
    private final Memory option;
    private final long picStride;
    private final long picData;
    private final long picTimeStamp;
    private final long frameLayerNum;
    private final long frameLayers;
    private final long frameType;
    private final long layerSize;
    private final long layerNalCount;
    private final long layerNalLengths;
    private final long layerBsBuf;
    private int bitrateBps;
    private boolean closed;

    /**
     * Opens an encoder.
     *
     * @param config the validated encoder configuration
     * @throws EncoderUnavailableException when libopenh264 is absent or of a release these bindings
     *     do not fit (the message says what to install)
     * @throws IllegalStateException when OpenH264 rejects the configuration (the message names it)
     */
    public OpenH264Backend(VideoEncoderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        try {
            this.encoder = ISVCEncoder.create();
        } catch (UnsatisfiedLinkError e) {
            throw new EncoderUnavailableException(e.getMessage());
        }
        SSourcePicture pic = null;
        SFrameBSInfo info = null;
        Memory opt = null;
        boolean opened = false;
        try {
            opt = new Memory(8);
            opt.setInt(0, WELS_LOG_QUIET);
            check(encoder.setOption(ENCODER_OPTION_TRACE_LEVEL, opt), "SetOption(ENCODER_OPTION_TRACE_LEVEL)");
            check(encoder.initializeExt(parameters(encoder, config)), "InitializeExt for " + config);

            Memory picMemory = zeroed(NativeStruct.sizeOf(SSourcePicture.class));
            pic = new SSourcePicture(picMemory);
            pic.iColorFormat = videoFormatI420;
            pic.iPicWidth = config.width();
            pic.iPicHeight = config.height();
            pic.write();
            info = new SFrameBSInfo(zeroed(NativeStruct.sizeOf(SFrameBSInfo.class)));
            opened = true;
        } finally {
            if (!opened) {
                encoder.destroy();
                free(opt, pic == null ? null : (Memory) pic.getPointer(), info == null ? null : (Memory) info.getPointer());
            }
        }
        this.option = opt;
        this.picture = (Memory) pic.getPointer();
        this.frameInfo = (Memory) info.getPointer();
        this.picStride = pic.offsetOf("iStride");
        this.picData = pic.offsetOf("pData");
        this.picTimeStamp = pic.offsetOf("uiTimeStamp");
        this.frameLayerNum = info.offsetOf("iLayerNum");
        this.frameLayers = info.offsetOf("sLayerInfo");
        this.frameType = info.offsetOf("eFrameType");
        SLayerBSInfo layer = new SLayerBSInfo();
        this.layerSize = layer.size();
        this.layerNalCount = layer.offsetOf("iNalCount");
        this.layerNalLengths = layer.offsetOf("pNalLengthInByte");
        this.layerBsBuf = layer.offsetOf("pBsBuf");
        this.bitrateBps = config.bitrateBps();
    }

    /** The encoder parameters: the library's defaults with this class's settings on top. */
    private static SEncParamExt parameters(ISVCEncoder encoder, VideoEncoderConfig config) {
        SEncParamExt p = new SEncParamExt();
        check(encoder.getDefaultParams(p), "GetDefaultParams");
        int threads = config.threads();
        p.iUsageType = CAMERA_VIDEO_REAL_TIME;
        p.iPicWidth = config.width();
        p.iPicHeight = config.height();
        p.iTargetBitrate = config.bitrateBps();
        p.iMaxBitrate = UNSPECIFIED_BIT_RATE;
        p.fMaxFrameRate = (float) config.fps();
        switch (config.rateControl()) {
            case CBR -> {
                p.iRCMode = RC_BITRATE_MODE;
                p.bEnableFrameSkip = 1;
            }
            case VBR -> {
                p.iRCMode = RC_BITRATE_MODE;
                p.bEnableFrameSkip = 0;
            }
            case QUALITY -> {
                p.iRCMode = RC_QUALITY_MODE;
                p.bEnableFrameSkip = 0;
            }
            default -> throw new IllegalArgumentException("rate control " + config.rateControl());
        }
        p.iTemporalLayerNum = 1;
        p.iSpatialLayerNum = 1;
        p.uiIntraPeriod = 0;
        p.bEnableSceneChangeDetect = 0;
        p.eSpsPpsIdStrategy = CONSTANT_ID;
        p.bEnableLongTermReference = 0;
        p.bPrefixNalAddingCtrl = 0;
        p.bEnableSSEI = 0;
        p.iPaddingFlag = 0;
        p.iMultipleThreadIdc = (short) threads;
        SSpatialLayerConfig layer = p.sSpatialLayers[0];
        layer.iVideoWidth = config.width();
        layer.iVideoHeight = config.height();
        layer.fFrameRate = (float) config.fps();
        layer.iSpatialBitrate = config.bitrateBps();
        layer.iMaxSpatialBitrate = UNSPECIFIED_BIT_RATE;
        layer.sSliceArgument.uiSliceMode = threads == 1 ? SM_SINGLE_SLICE : SM_FIXEDSLCNUM_SLICE;
        layer.sSliceArgument.uiSliceNum = threads;
        return p;
    }

    /** @return the configuration this backend was opened with */
    public VideoEncoderConfig config() {
        return config;
    }

    /** @return the current target bitrate in bits per second */
    public int bitrateBps() {
        return bitrateBps;
    }

    @Override
    public EncodedVideoFrame encode(VideoFrame frame, boolean forceIdr) {
        requireOpen();
        if (frame.width() != config.width() || frame.height() != config.height()) {
            throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height()
                    + " but the encoder was opened for " + config.width() + "x" + config.height());
        }
        long ptsUs = frame.ptsUs();
        Pointer pixels = Native.getDirectBufferPointer(frame.data());
        for (int plane = 0; plane < 3; plane++) {
            picture.setInt(picStride + 4L * plane, frame.stride(plane));
            picture.setPointer(picData + (long) Native.POINTER_SIZE * plane, pixels.share(frame.planeOffset(plane)));
        }
        picture.setLong(picTimeStamp, Math.floorDiv(ptsUs, 1000));

        int type = encodePicture(forceIdr);
        if (type == videoFrameTypeSkip && forceIdr) {
            // Rate control only ever skips P frames; should anything else drop a forced IDR, ask again.
            type = encodePicture(true);
        }
        if (type == videoFrameTypeSkip) {
            if (forceIdr) {
                throw new IllegalStateException("OpenH264 skipped a forced IDR twice at pts " + ptsUs + " us");
            }
            return null;
        }
        if (type == videoFrameTypeInvalid) {
            throw new IllegalStateException("OpenH264 EncodeFrame produced no valid frame at pts " + ptsUs + " us");
        }
        List<byte[]> nalUnits = nalUnits();
        if (nalUnits.isEmpty()) {
            return null;
        }
        return new EncodedVideoFrame(nalUnits, ptsUs, ptsUs, type == videoFrameTypeIDR);
    }

    private int encodePicture(boolean forceIdr) {
        if (forceIdr) {
            check(encoder.forceIntraFrame(true), "ForceIntraFrame");
        }
        check(encoder.encodeFrame(picture, frameInfo), "EncodeFrame");
        return frameInfo.getInt(frameType);
    }

    /**
     * The NAL units of all layers, start codes removed. Each layer's {@code pBsBuf} holds its units
     * back to back, each starting with a 4-byte (or 3-byte) Annex B start code, and
     * {@code pNalLengthInByte[i]} counts unit {@code i} with its start code.
     */
    private List<byte[]> nalUnits() {
        int layers = frameInfo.getInt(frameLayerNum);
        List<byte[]> out = new ArrayList<>(layers + 2);
        for (int l = 0; l < layers; l++) {
            long layer = frameLayers + l * layerSize;
            int count = frameInfo.getInt(layer + layerNalCount);
            if (count <= 0) {
                continue;
            }
            int[] lengths = frameInfo.getPointer(layer + layerNalLengths).getIntArray(0, count);
            int total = 0;
            for (int len : lengths) {
                total += len;
            }
            ByteBuffer bs = frameInfo.getPointer(layer + layerBsBuf).getByteBuffer(0, total);
            int pos = 0;
            for (int len : lengths) {
                int startCode = startCodeLength(bs, pos, len);
                if (len > startCode) {
                    byte[] nal = new byte[len - startCode];
                    bs.get(pos + startCode, nal);
                    out.add(nal);
                }
                pos += len;
            }
        }
        return out;
    }

    private static int startCodeLength(ByteBuffer bs, int pos, int len) {
        if (len >= 4 && bs.get(pos) == 0 && bs.get(pos + 1) == 0 && bs.get(pos + 2) == 0 && bs.get(pos + 3) == 1) {
            return 4;
        }
        if (len >= 3 && bs.get(pos) == 0 && bs.get(pos + 1) == 0 && bs.get(pos + 2) == 1) {
            return 3;
        }
        throw new IllegalStateException("OpenH264 returned a NAL unit of " + len + " bytes without a start code");
    }

    /**
     * Changes the target bitrate from the next frame on ({@code ENCODER_OPTION_BITRATE} for all layers).
     *
     * @throws IllegalArgumentException outside 50_000..100_000_000 bps
     */
    @Override
    public void setBitrate(int bps) {
        requireOpen();
        VideoEncoderConfig.requireBitrate(bps);
        option.setInt(0, SPATIAL_LAYER_ALL);
        option.setInt(4, bps);
        check(encoder.setOption(ENCODER_OPTION_BITRATE, option), "SetOption(ENCODER_OPTION_BITRATE, " + bps + ")");
        bitrateBps = bps;
    }

    /** Uninitializes and destroys the encoder and frees its native records; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            encoder.uninitialize();
        } finally {
            encoder.destroy();
            free(option, picture, frameInfo);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("OpenH264 encoder was already closed");
        }
    }

    private static Memory zeroed(int size) {
        Memory m = new Memory(size);
        m.clear();
        return m;
    }

    private static void free(Memory... memories) {
        for (Memory m : memories) {
            if (m != null) {
                m.close();
            }
        }
    }

    private static void check(int result, String call) {
        if (result != CodecDef.cmResultSuccess) {
            throw new IllegalStateException("OpenH264 " + call + " failed: " + CodecDef.resultName(result));
        }
    }

    @Override
    public String toString() {
        return "OpenH264Backend[" + config + (closed ? ", closed" : "") + "]";
    }
}
