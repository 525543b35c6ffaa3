package io.livepush.encoder;

import io.livepush.encoder.spi.H264EncoderProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.StringJoiner;

/**
 * Creates {@link VideoEncoder}s by backend name. Backends are {@link H264EncoderProvider}s found with
 * {@link ServiceLoader} ({@link #installed()}), or an explicit list ({@link #of(List)}) for tests and
 * embedders who want to control it.
 *
 * <p>Names are case-insensitive. {@code "auto"} picks the available provider with the highest
 * {@link H264EncoderProvider#preference()}; when it fails to open, the next one is tried. The
 * {@link VideoEncoderSelection} (also kept as {@link #lastSelectionReport()}) says what was chosen
 * and why, so the CLI can print it. When two providers share a name, the first one found wins.
 *
 * <p>Thread-safe: instances are immutable.
 */
public final class VideoEncoders {
    /** The name that lets LivePush choose the best backend present. */
    public static final String AUTO = "auto";

    private static volatile String lastReport = "no encoder created yet";

    private final Map<String, H264EncoderProvider> providers;

    private VideoEncoders(List<H264EncoderProvider> list) {
        Map<String, H264EncoderProvider> byName = new LinkedHashMap<>();
        for (H264EncoderProvider p : list) {
            if (p == null) {
                throw new IllegalArgumentException("provider list holds null (expected H264EncoderProvider instances)");
            }
            String key = p.name().toLowerCase(Locale.ROOT);
            if (key.equals(AUTO)) {
                throw new IllegalArgumentException("provider " + p.getClass().getName()
                        + " is named 'auto' (expected any other name; 'auto' means choose for me)");
            }
            byName.putIfAbsent(key, p);
        }
        this.providers = byName;
    }

    /** @return the providers registered in {@code META-INF/services} on the class path */
    public static VideoEncoders installed() {
        List<H264EncoderProvider> list = new ArrayList<>();
        ServiceLoader.load(H264EncoderProvider.class, VideoEncoders.class.getClassLoader()).forEach(list::add);
        return new VideoEncoders(list);
    }

    /**
     * @param providers the providers, in the order {@code auto} tries them; copied, never null (may be empty)
     * @return a registry over exactly these providers, in this order
     */
    public static VideoEncoders of(List<? extends H264EncoderProvider> providers) {
        if (providers == null) {
            throw new IllegalArgumentException("provider list is null (expected a list, possibly empty)");
        }
        return new VideoEncoders(new ArrayList<>(providers));
    }

    /**
     * Creates an encoder from the installed providers.
     *
     * @param name {@code auto} or a backend name such as {@code openh264}, any case
     * @param config the encoder configuration
     * @return the encoder; its {@link VideoEncoder#name()} says which backend runs
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     * @throws EncoderUnavailableException when the backend (or, for auto, every backend) cannot run
     *     here; the message says what to install
     */
    public static PinnedGopVideoEncoder create(String name, VideoEncoderConfig config) {
        return installed().open(name, config);
    }

    /** @return every installed backend with whether it can run here, best first */
    public static List<VideoEncoderStatus> available() {
        return installed().statuses();
    }

    /** @return the report of the last selection made by any {@link VideoEncoders} in this JVM */
    public static String lastSelectionReport() {
        return lastReport;
    }

    /** @return the names accepted by {@link #open}: {@code auto} and each provider's, sorted */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(AUTO);
        providers.keySet().stream().sorted().forEach(names::add);
        return names;
    }

    /** @return each provider with its availability, highest preference first */
    public List<VideoEncoderStatus> statuses() {
        List<VideoEncoderStatus> out = new ArrayList<>();
        for (H264EncoderProvider p : byPreference()) {
            out.add(new VideoEncoderStatus(p.name(), p.preference(), p.unavailableReason()));
        }
        return out;
    }

    /**
     * Decides which provider a name means without opening anything.
     *
     * @param name {@code auto} or a backend name, any case
     * @return the chosen provider with the one-line report of why
     * @throws IllegalArgumentException for an unknown name
     * @throws EncoderUnavailableException when the named backend, or for auto every backend, cannot run here
     */
    public VideoEncoderSelection select(String name) {
        return select(name, Map.of());
    }

    /**
     * Creates an encoder.
     *
     * @param name {@code auto} or a backend name, any case
     * @param config the encoder configuration
     * @return an open encoder, owned by the caller (who closes it)
     * @throws IllegalArgumentException for an unknown name or a null config
     * @throws EncoderUnavailableException when nothing that matches can run here
     */
    public PinnedGopVideoEncoder open(String name, VideoEncoderConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("encoder config is null (expected a VideoEncoderConfig)");
        }
        Map<String, String> failures = new LinkedHashMap<>();
        while (true) {
            VideoEncoderSelection selection = select(name, failures);
            try {
                PinnedGopVideoEncoder encoder = new PinnedGopVideoEncoder(selection.name(), config,
                        selection.provider().open(config));
                lastReport = selection.report();
                return encoder;
            } catch (EncoderUnavailableException e) {
                if (!AUTO.equalsIgnoreCase(name.trim())) {
                    lastReport = name + ": " + e.getMessage();
                    throw e;
                }
                failures.put(selection.name().toLowerCase(Locale.ROOT),
                        selection.name() + ": failed to open: " + e.getMessage());
            }
        }
    }

    /**
     * @param failed lower-case name to "name: failed to open: reason" for providers that failed to
     *     open (auto only), skipped and mentioned in the report
     */
    private VideoEncoderSelection select(String name, Map<String, String> failed) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("encoder name is " + (name == null ? "null" : "blank")
                    + " (expected " + String.join(", ", names()) + ")");
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (!key.equals(AUTO)) {
            H264EncoderProvider p = providers.get(key);
            if (p == null) {
                throw new IllegalArgumentException("unknown encoder '" + name + "' (expected "
                        + String.join(", ", names()) + ")");
            }
            String reason = p.unavailableReason();
            if (reason != null) {
                lastReport = p.name() + " is not available: " + reason;
                throw new EncoderUnavailableException("encoder " + p.name() + " cannot run here: " + reason);
            }
            return new VideoEncoderSelection(name, p, p.name() + " chosen by name");
        }
        H264EncoderProvider chosen = null;
        StringJoiner others = new StringJoiner("; ");
        failed.values().forEach(others::add);
        for (H264EncoderProvider p : byPreference()) {
            String reason = p.unavailableReason();
            if (failed.containsKey(p.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (reason != null) {
                others.add(p.name() + ": " + reason);
            } else if (chosen == null) {
                chosen = p;
            } else {
                others.add(p.name() + ": available, preference " + p.preference());
            }
        }
        if (chosen == null) {
            String msg = providers.isEmpty()
                    ? "no H.264 encoder backend is on the class path (expected a provider registered in "
                            + "META-INF/services/" + H264EncoderProvider.class.getName() + ")"
                    : "no H.264 encoder can run here: " + others;
            lastReport = "auto found nothing: " + msg;
            throw new EncoderUnavailableException(msg);
        }
        String report = "auto chose " + chosen.name() + " (preference " + chosen.preference()
                + (others.length() == 0 ? "" : "; " + others) + ")";
        return new VideoEncoderSelection(name, chosen, report);
    }

    private List<H264EncoderProvider> byPreference() {
        List<H264EncoderProvider> list = new ArrayList<>(providers.values());
        list.sort(Comparator.comparingInt(H264EncoderProvider::preference).reversed());
        return list;
    }
}
