package io.livepush.examples.cli;

import io.livepush.capture.convert.RgbToI420;
import io.livepush.encoder.VideoEncoderStatus;
import io.livepush.encoder.VideoEncoders;
import io.livepush.encoder.audio.AudioEncoderProvider;
import io.livepush.encoder.audio.AudioEncoders;
import io.livepush.natives.NativeLibraries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code livepush devices}: what this machine offers LivePush — native libraries, encoders, the
 * pixel conversion kernel and capture devices.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the native libraries, encoders and capture devices found.")
final class DevicesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("Native libraries:");
        System.out.println(NativeLibraries.report().stripTrailing().indent(2).stripTrailing());
        System.out.println("Video encoders:");
        for (VideoEncoderStatus s : VideoEncoders.available()) {
            System.out.println("  " + s);
        }
        System.out.println("Audio encoders:");
        for (AudioEncoderProvider p : AudioEncoders.providers()) {
            String why = p.unavailableReason();
            System.out.println("  " + p.name() + " (" + (why == null ? "available, preference " + p.preference() : why) + ")");
        }
        System.out.println("Pixel conversion (BGRA/RGBA -> I420):");
        System.out.println("  " + RgbToI420.kernel());
        System.out.print(VideoSourceSpecs.devicesReport());
        System.out.print(AudioSourceSpecs.devicesReport());
        return 0;
    }
}
