package io.livepush.cohost.rtc;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.internal.NativeObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees the native peer connection that webrtc-java 0.14.0 leaks on {@code close()}.
 *
 * <h2>The leak</h2>
 * {@code PeerConnectionFactory.createPeerConnection} hands the Java object the one reference to the
 * native {@code PeerConnectionInterface} ({@code scoped_refptr::release()});
 * {@code RTCPeerConnection.close()} calls {@code Close()} and zeroes the handle but never calls
 * {@code Release()}, and nothing else can. The closed connection (its SDP, stopped transceivers,
 * remote tracks, stats) stays on the native heap: about 60 KB for a data-channel-only connection,
 * about 180 KB for a leg with audio, video and data, measured with {@code mallinfo2}. 0.15.0 has
 * the same code.
 *
 * <h2>The release</h2>
 * {@link #handleOf} reads the native pointer before {@code close()}; {@link #release} calls
 * {@code RefCountInterface::Release()} on it afterwards, through the object's vtable (slot 1 in the
 * Itanium C++ ABI that the linux-x86_64 build uses: {@code AddRef}, {@code Release}). Measured with
 * webrtc-java calls only, 60 connect/close cycles: the native heap in use grew 6.2 -> 13.4 MB without
 * it and stayed at 5-6 MB with it, every call reporting {@code kDroppedLastRef}.
 *
 * <p>Because this reaches into a C++ object layout, it runs only where it was verified: webrtc-java
 * exactly {@value #VERIFIED_VERSION} on Linux amd64, and not when the system property
 * {@value #DISABLE_PROPERTY} is {@code false}. Elsewhere it does nothing (the leak stays).
 * Stateless and thread-safe; must not be called on a webrtc thread (the release destroys the
 * connection on its signaling thread and waits for it).
 */
final class ClosedPeerConnectionRelease {
    /** Set to {@code false} to keep webrtc-java's own behaviour (leak the closed connection). */
    static final String DISABLE_PROPERTY = "livepush.webrtc.releaseClosedPeerConnections";
    /** The webrtc-java version whose leak and vtable layout this was verified against. */
    static final String VERIFIED_VERSION = "0.14.0";

    private static final Logger LOG = LoggerFactory.getLogger(ClosedPeerConnectionRelease.class);
    private static final int RELEASE_SLOT = 1;
    private static final int DROPPED_LAST_REF = 0;
    private static final Field HANDLE = handleField();
    private static final String WHY_OFF = whyOff();

    private ClosedPeerConnectionRelease() {
    }

    /** @return null when closed connections are released here, else why not */
    static String disabledReason() {
        if (!Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, "true"))) {
            return DISABLE_PROPERTY + "=false";
        }
        return WHY_OFF;
    }

    /**
     * Reads the native pointer of an open connection (to be released after its {@code close()}),
     * or of a transceiver from {@code addTransceiver} (webrtc-java hands over a reference there
     * too and has no {@code dispose()} for it; release it after its connection's).
     *
     * @return the pointer, or 0 when release is off here or the object is already closed
     */
    static long handleOf(NativeObject object) {
        if (disabledReason() != null) {
            return 0;
        }
        try {
            return HANDLE.getLong(object);
        } catch (IllegalAccessException e) {
            return 0;
        }
    }

    /**
     * Drops the reference webrtc-java kept, freeing the closed connection (or transceiver: both
     * derive first from {@code RefCountInterface}, so slot 1 is {@code Release}). Call exactly once per
     * handle, after {@code close()} returned, and touch no object of that connection (transceivers,
     * senders, receivers, remote tracks) afterwards.
     *
     * @param handle from {@link #handleOf}; 0 does nothing
     * @return whether that was the last reference (the connection is gone)
     */
    static boolean release(long handle) {
        if (handle == 0) {
            return false;
        }
        Pointer object = new Pointer(handle);
        Pointer vtable = object.getPointer(0);
        Function releaseFn = Function.getFunction(vtable.getPointer((long) RELEASE_SLOT * Native.POINTER_SIZE));
        int status = releaseFn.invokeInt(new Object[] {object});
        if (status != DROPPED_LAST_REF) {
            LOG.debug("a closed peer connection is still referenced elsewhere; freed when that goes");
        }
        return status == DROPPED_LAST_REF;
    }

    private static Field handleField() {
        try {
            Field f = NativeObject.class.getDeclaredField("nativeHandle");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    private static String whyOff() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "verified on Linux amd64 only (this is " + os + " " + arch + ")";
        }
        if (HANDLE == null) {
            return "webrtc-java's NativeObject.nativeHandle field is not accessible";
        }
        String version = webrtcJavaVersion();
        if (!VERIFIED_VERSION.equals(version)) {
            return "verified with webrtc-java " + VERIFIED_VERSION + " only (this is " + version + ")";
        }
        return null;
    }

    private static String webrtcJavaVersion() {
        try (InputStream in = RTCPeerConnection.class.getResourceAsStream(
                "/META-INF/maven/dev.onvoid.webrtc/webrtc-java/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
