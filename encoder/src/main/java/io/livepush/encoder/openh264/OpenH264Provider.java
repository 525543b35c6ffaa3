package io.livepush.encoder.openh264;

import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.spi.H264EncoderBackend;
import io.livepush.encoder.spi.H264EncoderProvider;
import io.livepush.natives.KnownLibrary;
import io.livepush.natives.NativeLibraries;
import io.livepush.natives.NativeLibraryStatus;
import io.livepush.natives.openh264.OpenH264Abi;

/**
 * The {@code openh264} backend: Cisco's OpenH264 through JNA. BSD licensed and fast, so it is the
 * first choice of {@code auto} (preference 100) wherever libopenh264 2.0 to 2.5 is installed.
 */
public final class OpenH264Provider implements H264EncoderProvider {
    /** The name users pick it by. */
    public static final String NAME = "openh264";

    /** Constructed by {@link java.util.ServiceLoader}. */
    public OpenH264Provider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int preference() {
        return 100;
    }

    @Override
    public String unavailableReason() {
        NativeLibraryStatus status = NativeLibraries.status(KnownLibrary.OPENH264);
        if (!status.present()) {
            return status.reason();
        }
        return OpenH264Abi.unsupportedReason(status.version());
    }

    @Override
    public H264EncoderBackend open(VideoEncoderConfig config) {
        String reason = unavailableReason();
        if (reason != null) {
            throw new EncoderUnavailableException(reason);
        }
        return new OpenH264Backend(config);
    }

    @Override
    public String toString() {
        return "OpenH264Provider[" + NAME + "]";
    }
}
