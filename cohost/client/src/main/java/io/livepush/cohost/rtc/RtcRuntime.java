package io.livepush.cohost.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import io.livepush.capture.MediaClock;
import io.livepush.capture.webrtc.WebrtcCapture;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-lived webrtc-java objects every leg is built on: two peer-connection factories, each on
 * an audio device module chosen so that none of webrtc-java's JVM-killing traps can be reached.
 *
 * <h2>The two factories</h2>
 * <ul>
 *   <li><b>Sending</b> ({@link PublishingLeg}): {@code AudioDeviceModule(kDummyAudio)}. Audio is
 *       pushed through a {@code CustomAudioSource}; on a module that can record, webrtc's recording
 *       thread races that source and aborts the process, and the dummy layer never records. It
 *       never plays out either, so it needs no sound server.</li>
 *   <li><b>Receiving</b> ({@link ReceivingLeg}): {@code HeadlessAudioDeviceModule} with playout
 *       initialised and started at once. webrtc pulls decoded audio (and so feeds every
 *       {@code AudioTrackSink}) only while a module plays out; the headless module plays into
 *       nothing on its own 10 ms thread and needs no sound server. Nothing on this factory ever
 *       sends audio, so its recording side is never started.</li>
 * </ul>
 * A factory is never created without an explicit module (the default one aborts the JVM when no
 * sound server answers).
 *
 * <h2>Lifetime</h2>
 * Create one runtime per process and keep it: every disposed factory leaks two native threads.
 * Legs register here while open; when one closes, the C heap is trimmed ({@link NativeHeap}). {@link #close()} first closes every leg still open (each in its
 * own safe order), then stops playout, disposes the factories, then the audio modules — the one
 * order that never crashed. Disposing a factory while a peer connection of it is open crashes the
 * JVM, which is why legs are closed first.
 *
 * <h2>Threads</h2>
 * Each factory owns webrtc's network, worker and signaling threads; the receiving module owns a
 * playout thread. All methods are thread-safe.
 */
public final class RtcRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtcRuntime.class);

    private final MediaClock clock;
    private final AudioDeviceModule sendAudio;
    private final PeerConnectionFactory sendFactory;
    private final HeadlessAudioDeviceModule receiveAudio;
    private final PeerConnectionFactory receiveFactory;
    private final Set<AutoCloseable> openLegs = new LinkedHashSet<>();
    private boolean closed;

    private RtcRuntime(MediaClock clock) {
        this.clock = clock;
        AudioDeviceModule sAdm = null;
        PeerConnectionFactory sFactory = null;
        HeadlessAudioDeviceModule rAdm = null;
        try {
            sAdm = new AudioDeviceModule(AudioLayer.kDummyAudio);
            sFactory = new PeerConnectionFactory(sAdm);
            rAdm = new HeadlessAudioDeviceModule();
            this.receiveFactory = new PeerConnectionFactory(rAdm);
        } catch (RuntimeException | Error e) {
            if (sFactory != null) {
                sFactory.dispose();
            }
            if (sAdm != null) {
                sAdm.dispose();
            }
            if (rAdm != null) {
                rAdm.dispose();
            }
            throw e;
        }
        this.sendAudio = sAdm;
        this.sendFactory = sFactory;
        this.receiveAudio = rAdm;
        receiveAudio.initPlayout();
        receiveAudio.startPlayout();
    }

    /**
     * Creates the runtime on a new {@link MediaClock}.
     *
     * @return the runtime, with its sending and receiving factories made and playout started; close it when
     *     done
     * @throws IllegalStateException when webrtc-java's native library cannot load here (the
     *     message names the reason, e.g. a missing {@code libpulse0})
     */
    public static RtcRuntime create() {
        return create(new MediaClock());
    }

    /**
     * Creates the runtime; received frames are stamped on {@code clock}.
     *
     * @param clock the clock that stamps received video and audio, not null; share it with the code that
     *     mixes or compares the frames
     * @return the runtime, with its sending and receiving factories made and playout started; close it when
     *     done
     * @throws IllegalStateException when webrtc-java's native library cannot load here
     * @throws NullPointerException when {@code clock} is null
     */
    public static RtcRuntime create(MediaClock clock) {
        Objects.requireNonNull(clock, "clock");
        String why = unavailableReason();
        if (why != null) {
            throw new IllegalStateException(why);
        }
        return new RtcRuntime(clock);
    }

    /** @return null when webrtc-java's native library loads here, else why it does not */
    public static String unavailableReason() {
        return WebrtcCapture.unavailableReason();
    }

    /** @return the clock received video and audio frames are stamped on */
    public MediaClock clock() {
        return clock;
    }

    /** @return how many legs are open on this runtime */
    public synchronized int openLegCount() {
        return openLegs.size();
    }

    /** @return whether {@link #close()} was called */
    public synchronized boolean isClosed() {
        return closed;
    }

    PeerConnectionFactory sendingFactory() {
        return sendFactory;
    }

    PeerConnectionFactory receivingFactory() {
        return receiveFactory;
    }

    /** Registers an opening leg; refuses once the runtime is closed. */
    synchronized void register(AutoCloseable leg) {
        if (closed) {
            throw new IllegalStateException("RtcRuntime is closed; create legs on an open runtime");
        }
        openLegs.add(leg);
    }

    /**
     * Forgets a closed leg and gives the C heap's free pages back to the system (see
     * {@link NativeHeap}): what the leg's native threads freed would otherwise stay resident.
     */
    void unregister(AutoCloseable leg) {
        boolean removed;
        synchronized (this) {
            removed = openLegs.remove(leg);
        }
        if (removed) {
            NativeHeap.trim();
        }
    }

    /**
     * Closes every open leg, stops playout, disposes both factories and then both audio modules.
     * Idempotent. Must not be called from a leg listener.
     */
    @Override
    public void close() {
        List<AutoCloseable> legs;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            legs = new ArrayList<>(openLegs);
        }
        for (AutoCloseable leg : legs) {
            try {
                leg.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", leg, e);
            }
        }
        receiveAudio.stopPlayout();
        sendFactory.dispose();
        receiveFactory.dispose();
        sendAudio.dispose();
        receiveAudio.dispose();
    }

    @Override
    public String toString() {
        return "RtcRuntime[legs=" + openLegCount() + (isClosed() ? ", closed" : "") + "]";
    }
}
