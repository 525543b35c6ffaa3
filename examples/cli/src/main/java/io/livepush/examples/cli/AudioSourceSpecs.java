package io.livepush.examples.cli;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.source.ToneSource;

/** Turns the {@code --audio} option value into a source stamped by the stream's {@link MediaClock}. */
final class AudioSourceSpecs {
    static final String FORMS = "tone, none";

    private AudioSourceSpecs() {
    }

    /** @return the source, or {@code null} for {@code none} */
    static AudioSource open(String spec, AudioFormat format, MediaClock clock, boolean realtime) {
        String s = spec == null ? "tone" : spec.trim();
        return switch (s) {
            case "none" -> null;
            case "tone" -> ToneSource.builder().format(format).clock(clock).realtime(realtime).build();
            default -> {
                if (s.startsWith("mic") || s.startsWith("file:")) {
                    throw new IllegalArgumentException("audio source '" + s + "' is not supported by this build yet (expected "
                            + FORMS + ")");
                }
                throw new IllegalArgumentException("audio source '" + s + "' is not understood (expected " + FORMS + ")");
            }
        };
    }

    /** @return the lines {@code livepush devices} prints about audio sources */
    static String devicesReport() {
        return "Audio sources: tone, none\n";
    }
}
