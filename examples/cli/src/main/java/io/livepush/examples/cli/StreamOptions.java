package io.livepush.examples.cli;

import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The stream options shared by {@code push} and {@code demo} (DESIGN.md, the CLI contract). */
final class StreamOptions {
    @Option(names = "--video", defaultValue = "test", description = "One of: " + VideoSourceSpecs.FORMS + " (default: ${DEFAULT-VALUE})")
    String video;

    @Option(names = "--audio", defaultValue = "tone", description = "One of: " + AudioSourceSpecs.FORMS + " (default: ${DEFAULT-VALUE})")
    String audio;

    @Option(names = "--size", defaultValue = "1280x720", converter = SizeArg.Converter.class,
            description = "Frame size WxH (default: ${DEFAULT-VALUE})")
    SizeArg size;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--video-bitrate", defaultValue = "2500", description = "Video kbps (default: ${DEFAULT-VALUE})")
    int videoKbps;

    @Option(names = "--audio-bitrate", defaultValue = "128", description = "Audio kbps (default: ${DEFAULT-VALUE})")
    int audioKbps;

    @Option(names = "--gop", defaultValue = "2", description = "Seconds between keyframes (default: ${DEFAULT-VALUE})")
    double gop;

    @Option(names = "--encoder", defaultValue = "auto", description = "auto|openh264|... (default: ${DEFAULT-VALUE})")
    String encoder;

    @Option(names = "--sei-text", description = "Text sent as an SEI payload (UTF-8, 1..255 bytes).")
    String seiText;

    @Option(names = "--sei-hex", description = "Binary SEI payload as hex digits (1..255 bytes).")
    String seiHex;

    @Option(names = "--sei-every", converter = DurationArg.class, description = "Send the SEI payload every DURATION (default: once).")
    Duration seiEvery;

    @Option(names = "--sei-timestamps", description = "Put the capture wall-clock time into every frame's SEI.")
    boolean seiTimestamps;

    @Option(names = "--record", paramLabel = "FILE.flv", description = "Also write what is pushed to this FLV file.")
    Path record;

    /** Validates the options and builds the stream configuration. */
    LiveStreamConfig streamConfig(String url) {
        if (seiText != null && seiHex != null) {
            throw new IllegalArgumentException("--sei-text and --sei-hex were both given (expected one of them)");
        }
        seiPayload();
        return LiveStreamConfig.builder(url)
                .videoEncoder(encoder)
                .video(VideoEncoderConfig.builder().size(size.width(), size.height()).fps(fps)
                        .bitrateBps(videoKbps * 1000).gopSeconds(gop).build())
                .audio(AudioEncoderConfig.builder().bitrate(audioKbps * 1000).build())
                .seiTimestamps(seiTimestamps)
                .recordFile(record)
                .build();
    }

    /** @return the SEI payload given, validated, or {@code null} */
    byte[] seiPayload() {
        byte[] p = seiText != null ? seiText.getBytes(StandardCharsets.UTF_8) : seiHex != null ? HexArg.parse(seiHex) : null;
        if (p != null && (p.length < 1 || p.length > 255)) {
            throw new IllegalArgumentException("SEI payload is " + p.length + " bytes (expected 1..255)");
        }
        return p;
    }

    /** @return a ticker that sends the SEI payload once, or every {@code --sei-every} */
    SeiTicker seiTicker(LiveStream stream) {
        return new SeiTicker(stream, seiPayload(), seiEvery);
    }
}
