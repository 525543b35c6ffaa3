package io.livepush.capture.audio;

import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.PeerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A private user-mode PulseAudio daemon for tests (see PEERS.md): its runtime and home directory
 * in {@code dir}, an anonymous unix socket {@code dir/native}, a 48 kHz stereo null sink
 * {@code test_sink} whose monitor is the capture source. Started and stopped (or killed) by pid.
 */
public final class PulseDaemon implements AutoCloseable {
    /** The capture source: the null sink's monitor. */
    public static final String MONITOR = "test_sink.monitor";

    private final Path dir;
    private final PeerProcess process;

    private PulseDaemon(Path dir, PeerProcess process) {
        this.dir = dir;
        this.process = process;
    }

    /**
     * Starts a daemon and waits until it lists {@link #MONITOR}.
     *
     * @param dir an empty directory for its socket, state and log
     * @return the running daemon
     */
    public static PulseDaemon start(Path dir) throws IOException, InterruptedException {
        String exe = Interop.requireExecutable("pulseaudio", "pulseaudio");
        Interop.requireExecutable("paplay", "pulseaudio-utils");
        Files.createDirectories(dir);
        Path socket = dir.resolve("native");
        PeerProcess p = PeerProcess.start(List.of(exe, "-n", "--daemonize=no", "--system=false", "--exit-idle-time=-1",
                "-L", "module-native-protocol-unix auth-anonymous=1 socket=" + socket,
                "-L", "module-null-sink sink_name=test_sink rate=48000 channels=2", "-L", "module-always-sink"),
                dir.resolve("pulseaudio-" + System.nanoTime() + ".log"),
                Map.of("XDG_RUNTIME_DIR", dir.toString(), "HOME", dir.toString()));
        PulseDaemon d = new PulseDaemon(dir, p);
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("pulseaudio exited: " + p.output());
            }
            if (Files.exists(socket) && AudioDevices.pulse(d.server()).stream().anyMatch(x -> x.name().equals(MONITOR))) {
                return d;
            }
            Thread.sleep(50);
        }
        d.close();
        throw new IllegalStateException("pulseaudio did not list " + MONITOR + " within 15 s: " + p.output());
    }

    /** @return the server address for libpulse: {@code unix:DIR/native} */
    public String server() {
        return "unix:" + dir.resolve("native");
    }

    /** @return the daemon's process id */
    public long pid() {
        return process.pid();
    }

    /**
     * Plays a WAV file into the null sink with 20 ms latency.
     *
     * @return the paplay process; it ends when the file has played
     */
    public PeerProcess play(Path wav) throws IOException {
        return PeerProcess.start(List.of(Interop.findExecutable("paplay"), "--latency-msec=20", "-d", "test_sink",
                wav.toString()), dir.resolve("paplay-" + System.nanoTime() + ".log"),
                Map.of("PULSE_SERVER", server(), "XDG_RUNTIME_DIR", dir.toString(), "HOME", dir.toString()));
    }

    /** Kills the daemon with SIGKILL, by its pid, as a crash would, and waits for it to go. */
    public void kill() throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** @return what the daemon printed */
    public String log() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
