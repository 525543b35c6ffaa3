package io.livepush.publisher.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.PeerProcess;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop: an FLV written by {@link FlvWriter} from real x264 output is read by ffprobe and decoded by
 * ffmpeg exactly as the raw H.264 stream it came from.
 */
class FlvFfmpegIT {
    private static final ByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;
    private static final int FRAMES = 60;
    private static String ffmpeg;
    private static String ffprobe;

    @BeforeAll
    static void peers() {
        ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
        ffprobe = Interop.requireExecutable("ffprobe", "ffmpeg");
    }

    private static String run(Path dir, String name, String... command) throws Exception {
        Path log = dir.resolve(name + ".log");
        try (PeerProcess p = PeerProcess.start(List.of(command), log)) {
            int code = p.waitFor(60, TimeUnit.SECONDS);
            assertEquals(0, code, name + " exit code; output:\n" + p.output());
            return p.output();
        }
    }

    @Test
    void ffprobeReadsAnFlvOfRealH264AndFfmpegDecodesItLikeTheSource(@TempDir Path dir) throws Exception {
        Path h264 = dir.resolve("out.h264");
        // -bf 0: no B-frames, so DTS = PTS and every composition time offset is 0 (a raw stream has no timestamps)
        run(dir, "encode", ffmpeg, "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30",
                "-frames:v", String.valueOf(FRAMES), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-bf", "0",
                "-bsf:v", "h264_mp4toannexb", "-f", "h264", h264.toString());

        List<List<byte[]>> units = AnnexB.accessUnits(AnnexB.nalUnits(Files.readAllBytes(h264)));
        assertEquals(FRAMES, units.size(), "access units found in the Annex B stream");
        byte[] sps = null;
        byte[] pps = null;
        for (byte[] nal : units.get(0)) {
            int type = nal[0] & 0x1F;
            sps = type == 7 ? nal : sps;
            pps = type == 8 ? nal : pps;
        }
        assertNotNull(sps, "SPS in the first access unit");
        assertNotNull(pps, "PPS in the first access unit");

        Path flv = dir.resolve("out.flv");
        try (FlvWriter w = FlvWriter.open(flv)) {
            w.writeHeader(false, true);
            FlvMetaData meta = FlvMetaData.builder().size(320, 240).frameRate(30).build();
            write(w, FlvTagType.SCRIPT_DATA, 0, FlvScriptTagBody.onMetaData(ALLOC, meta.toEcmaArray()));
            write(w, FlvTagType.VIDEO, 0, FlvVideoTagBody.avcSequenceHeader(ALLOC, decoderConfigurationRecord(sps, pps)));
            long ts = 0;
            for (int i = 0; i < units.size(); i++) {
                ts = i * 1000L / 30;
                List<byte[]> nals = new ArrayList<>();
                boolean idr = false;
                for (byte[] nal : units.get(i)) {
                    int type = nal[0] & 0x1F;
                    idr |= type == 5;
                    if (type != 7 && type != 8) { // parameter sets travel in the sequence header
                        nals.add(nal);
                    }
                }
                write(w, FlvTagType.VIDEO, ts, FlvVideoTagBody.avcNalUnits(ALLOC, idr, 0, nals));
            }
            write(w, FlvTagType.VIDEO, ts, FlvVideoTagBody.avcEndOfSequence(ALLOC));
        }

        String stream = run(dir, "probe-stream", ffprobe, "-v", "error", "-select_streams", "v:0", "-count_packets",
                "-show_entries", "stream=codec_name,width,height,nb_read_packets", "-of", "default=nw=1", flv.toString());
        assertTrue(stream.contains("codec_name=h264"), stream);
        assertTrue(stream.contains("width=320"), stream);
        assertTrue(stream.contains("height=240"), stream);
        assertTrue(stream.contains("nb_read_packets=" + FRAMES), stream);

        String packets = run(dir, "probe-packets", ffprobe, "-v", "error", "-select_streams", "v:0", "-show_entries",
                "packet=pts_time,flags", "-of", "csv=p=0", flv.toString());
        List<String> lines = packets.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(FRAMES, lines.size(), packets);
        assertTrue(lines.get(0).startsWith("0.000000,K"), "first packet is a keyframe at 0: " + lines.get(0));
        assertTrue(lines.get(FRAMES - 1).startsWith("1.966000,"), "last packet at 59 * 1000 / 30 ms: " + lines.get(FRAMES - 1));

        String errors = run(dir, "decode", ffmpeg, "-nostdin", "-v", "error", "-i", flv.toString(), "-f", "null", "-");
        assertEquals("", errors.strip(), "ffmpeg decode errors");

        String fromFlv = run(dir, "md5-flv", ffmpeg, "-nostdin", "-v", "error", "-i", flv.toString(), "-f", "md5", "-");
        String fromH264 = run(dir, "md5-h264", ffmpeg, "-nostdin", "-v", "error", "-i", h264.toString(), "-f", "md5", "-");
        assertTrue(fromFlv.startsWith("MD5="), fromFlv);
        assertEquals(fromH264.strip(), fromFlv.strip(), "decoded pictures identical to the source stream's");
    }

    private static void write(FlvWriter w, FlvTagType type, long ts, ByteBuf body) throws Exception {
        try {
            w.writeTag(type, ts, body);
        } finally {
            body.release();
        }
    }

    /** ISO/IEC 14496-15 5.3.3.1, for one SPS and one PPS of a 4:2:0 8-bit stream. */
    private static byte[] decoderConfigurationRecord(byte[] sps, byte[] pps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);                 // configurationVersion
        out.write(sps[1]);            // AVCProfileIndication
        out.write(sps[2]);            // profile_compatibility
        out.write(sps[3]);            // AVCLevelIndication
        out.write(0xFF);              // 111111 + lengthSizeMinusOne 3
        out.write(0xE1);              // 111 + numOfSequenceParameterSets 1
        out.write(sps.length >> 8);
        out.write(sps.length);
        out.writeBytes(sps);
        out.write(1);                 // numOfPictureParameterSets
        out.write(pps.length >> 8);
        out.write(pps.length);
        out.writeBytes(pps);
        int profile = sps[1] & 0xFF;
        if (profile == 100 || profile == 110 || profile == 122 || profile == 144) {
            out.write(0xFC | 1);      // 111111 + chroma_format_idc 1 (4:2:0)
            out.write(0xF8);          // 11111 + bit_depth_luma_minus8 0
            out.write(0xF8);          // 11111 + bit_depth_chroma_minus8 0
            out.write(0);             // numOfSequenceParameterSetExt
        }
        return out.toByteArray();
    }
}
