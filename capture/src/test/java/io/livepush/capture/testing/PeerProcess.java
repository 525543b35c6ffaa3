package io.livepush.capture.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A third-party peer (nginx, ffmpeg, Xvfb, pulseaudio) started by a test, with its output captured
 * to a log file, and stopped by its own process id: never by name, so nothing else on the machine
 * is touched.
 */
public final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final String name;

    private PeerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a peer with its stdout and stderr going to {@code log}; stdin is closed.
     */
    public static PeerProcess start(List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new PeerProcess(command.get(0), pb.start(), log);
    }

    /** Same as {@link #start(List, Path)} with extra environment variables. */
    public static PeerProcess start(List<String> command, Path log, java.util.Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return new PeerProcess(command.get(0), pb.start(), log);
    }

    /** @return the operating system's process id */
    public long pid() {
        return process.pid();
    }

    /** @return true while the process runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return what the process printed so far */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Waits for the process to end by itself; returns its exit code, or -1 on timeout. */
    public int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit) ? process.exitValue() : -1;
    }

    /** Stops the process by its pid: SIGTERM, then SIGKILL after 5 s; also its children. */
    @Override
    public void close() {
        ProcessHandle h = process.toHandle();
        h.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + pid() + "]";
    }
}
