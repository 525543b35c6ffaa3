package io.livepush.encoder.audio;

import io.livepush.encoder.EncoderUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Opens an {@link AudioEncoder} by backend name ({@code vo-aacenc}) or {@code auto}, from the
 * {@link AudioEncoderProvider}s registered with {@link ServiceLoader}.
 */
public final class AudioEncoders {
    /** The name that picks the best available backend. */
    public static final String AUTO = "auto";

    private static volatile String lastReport = "no audio encoder created yet";

    private AudioEncoders() {
    }

    /**
     * @return what the last {@link #create} in this JVM chose and why, e.g. {@code auto chose java
     *     (vo-aacenc: libvo-aacenc not found: apt-get install libvo-aacenc0)}, for the CLI and logs
     */
    public static String lastSelectionReport() {
        return lastReport;
    }

    /** @return the registered providers, highest preference first */
    public static List<AudioEncoderProvider> providers() {
        List<AudioEncoderProvider> list = new ArrayList<>();
        ServiceLoader.load(AudioEncoderProvider.class, AudioEncoders.class.getClassLoader()).forEach(list::add);
        list.sort(Comparator.comparingInt(AudioEncoderProvider::preference).reversed());
        return list;
    }

    /**
     * Opens an encoder from the registered providers.
     *
     * @param name {@code auto} or a provider name
     * @param config the settings
     * @return an open encoder; the caller closes it
     * @throws IllegalArgumentException for an unknown name, naming the known ones
     * @throws EncoderUnavailableException when the backend (or, for {@code auto}, every backend)
     *     cannot run here; the message names what to install
     */
    public static AudioEncoder create(String name, AudioEncoderConfig config) {
        return create(name, config, providers());
    }

    /**
     * Opens an encoder from the given providers (the same rules as {@link #create(String,
     * AudioEncoderConfig)}).
     *
     * @param name {@code auto} or a provider name
     * @param config the settings
     * @param providers the candidates
     * @return an open encoder; the caller closes it
     */
    public static AudioEncoder create(String name, AudioEncoderConfig config, List<AudioEncoderProvider> providers) {
        if (config == null) {
            throw new IllegalArgumentException("audio encoder config is null (expected an AudioEncoderConfig)");
        }
        List<AudioEncoderProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(AudioEncoderProvider::preference).reversed());
        String known = AUTO + sorted.stream().map(p -> ", " + p.name()).collect(Collectors.joining());
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("audio encoder name is " + (name == null ? "null" : "blank")
                    + " (expected " + known + ")");
        }
        if (AUTO.equals(name)) {
            return openAuto(config, sorted);
        }
        for (AudioEncoderProvider p : sorted) {
            if (p.name().equals(name)) {
                p.requireCanOpen(config);
                AudioEncoder encoder = p.open(config);
                lastReport = p.name() + " chosen by name";
                return encoder;
            }
        }
        throw new IllegalArgumentException("unknown audio encoder '" + name + "' (expected " + known + ")");
    }

    private static AudioEncoder openAuto(AudioEncoderConfig config, List<AudioEncoderProvider> sorted) {
        List<String> reasons = new ArrayList<>();
        for (AudioEncoderProvider p : sorted) {
            if (!p.supports(config.codec())) {
                continue;
            }
            String reason = p.unavailableReason();
            if (reason == null) {
                AudioEncoder encoder = p.open(config);
                lastReport = "auto chose " + p.name() + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")");
                return encoder;
            }
            reasons.add(p.name() + ": " + reason);
        }
        throw new EncoderUnavailableException("no audio encoder for " + config.codec() + " can run here"
                + (reasons.isEmpty() ? " (none is registered)" : " (" + String.join("; ", reasons) + ")"));
    }
}
