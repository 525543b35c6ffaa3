package io.livepush.capture.convert;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Locale;

/**
 * Decides, once per JVM, whether {@link RgbToI420} may use the Vector API kernel, and tracks its
 * warm-up. The vector kernel is considered only when the module {@value #VECTOR_MODULE} is in the
 * boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}); only then is
 * {@code VectorRgbKernel} loaded, by name, so a JVM without the module never resolves it.
 *
 * <p>The system property {@value #PROPERTY} ({@code auto}, the default, or {@code scalar}) can
 * switch the vector kernel off.
 *
 * <p>Until the JIT has compiled the vector kernel it runs far slower than the scalar one (the
 * first 720p frame takes about a second). So the first {@link RgbToI420.Kernel#AUTO} converter
 * starts {@link VectorWarmUp} on a daemon thread, and AUTO converters use the scalar kernel until
 * the warm-up has measured the vector kernel faster and equal byte for byte.
 */
final class RgbKernelChoice {
    /** The module that holds the Vector API. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** System property: {@code auto} (default) or {@code scalar}. */
    static final String PROPERTY = "livepush.convert.kernel";

    private static final RgbKernel VECTOR;
    private static final String UNAVAILABLE;
    private static final Object LOCK = new Object();
    private static Thread warmUp;
    private static volatile boolean ready;
    private static volatile String rejected;

    static {
        RgbKernel kernel = null;
        String why = null;
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (mode.equals("scalar")) {
            why = PROPERTY + "=scalar";
        } else if (!mode.equals("auto")) {
            why = PROPERTY + "=" + mode + " is not understood (expected auto or scalar)";
        } else if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            why = VECTOR_MODULE + " is not in the boot layer; start the JVM with --add-modules " + VECTOR_MODULE;
        } else {
            try {
                kernel = (RgbKernel) Class.forName(RgbKernelChoice.class.getPackageName() + ".VectorRgbKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException e) {
                why = String.valueOf(e.getCause().getMessage());
            } catch (ReflectiveOperationException | LinkageError e) {
                why = "the vector kernel could not be loaded: " + e;
            }
        }
        VECTOR = kernel;
        UNAVAILABLE = why;
    }

    private RgbKernelChoice() {
    }

    /** @return the vector kernel, or null when this JVM cannot use it ({@link #unavailableReason()}) */
    static RgbKernel vector() {
        return VECTOR;
    }

    /** @return why the vector kernel is not available, or null when it is */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** @return whether AUTO converters use the vector kernel now */
    static boolean ready() {
        return ready;
    }

    /** Starts the warm-up once (no-op when the vector kernel is unavailable or already warming). */
    static void startWarmUp() {
        if (VECTOR == null) {
            return;
        }
        synchronized (LOCK) {
            if (warmUp == null) {
                warmUp = new Thread(() -> VectorWarmUp.run(VECTOR), "livepush-rgb-kernel-warmup");
                warmUp.setDaemon(true);
                warmUp.start();
            }
        }
    }

    /**
     * Starts the warm-up if needed and waits for its verdict.
     *
     * @return whether AUTO converters now use the vector kernel
     */
    static boolean awaitWarmUp(Duration timeout) throws InterruptedException {
        startWarmUp();
        Thread t;
        synchronized (LOCK) {
            t = warmUp;
        }
        if (t != null) {
            t.join(Math.max(1, timeout.toMillis()));
        }
        return ready;
    }

    /** Called by the warm-up: the vector kernel was faster and identical. */
    static void accept() {
        ready = true;
    }

    /** Called by the warm-up: AUTO stays scalar, for the reason given. */
    static void reject(String why) {
        rejected = why;
    }

    /** @return what AUTO converters use, and why, for {@link RgbToI420#kernel()} */
    static String describe() {
        if (VECTOR == null) {
            return "scalar (" + UNAVAILABLE + ")";
        }
        if (ready) {
            return VECTOR.name();
        }
        String no = rejected;
        if (no != null) {
            return "scalar (" + no + ")";
        }
        return VECTOR.name() + " once warmed up (scalar until then)";
    }
}
