package io.livepush.examples.desktop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The desktop app in a separate JVM, started the way a user would ({@code java -cp ... } with
 * {@code DISPLAY} set) under {@link DesktopAppDriver}, and the test's side of the driver's line
 * protocol. Its stderr (the SDK's log) goes to a file; it is stopped by its pid on {@link #close()}.
 */
final class DesktopAppProcess implements AutoCloseable {
    private static final String PREFIX = "driver> ";

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path log;

    private DesktopAppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith(PREFIX)) {
                        replies.add(line.substring(PREFIX.length()));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "desktop-app-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the app on {@code display} and waits until its window is up. */
    static DesktopAppProcess start(String display, Path dir) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(dir);
        Path log = dir.resolve("desktop-app.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", cp,
                DesktopAppDriver.class.getName())).redirectError(log.toFile());
        pb.environment().put("DISPLAY", display);
        DesktopAppProcess app = new DesktopAppProcess(pb.start(), log);
        String ready = app.reply(Duration.ofSeconds(30));
        if (!"ok ready".equals(ready)) {
            app.close();
            throw new IOException("the app did not come up: " + ready + "\n" + app.log());
        }
        return app;
    }

    /** Sends one command; returns the answer after "ok " or fails with the driver's error. */
    String call(String command) throws IOException, InterruptedException {
        commands.write(command + "\n");
        commands.flush();
        String r = reply(Duration.ofSeconds(20));
        if (r == null || !r.startsWith("ok")) {
            throw new AssertionError("'" + command.split(" ")[0] + "' failed: " + r + "\n--- app log ---\n" + log());
        }
        return r.length() > 3 ? r.substring(3) : "";
    }

    /** Polls {@code text NAME} until the predicate holds; returns the last text or fails after the timeout. */
    String awaitText(String name, Predicate<String> condition, Duration timeout, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = call("text " + name);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + ": '" + name + "' shows '" + last + "' after " + timeout.toSeconds()
                + " s (status: " + call("text status") + ")\n--- app log ---\n" + log());
    }

    private String reply(Duration timeout) throws InterruptedException {
        String r = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return r != null ? r : "no answer within " + timeout.toSeconds() + " s (alive: " + process.isAlive() + ")";
    }

    /** Closes the window like a user and waits for the JVM to exit; returns its exit code (-1: killed). */
    int quit() throws IOException, InterruptedException {
        commands.write("quit\n");
        commands.flush();
        return process.waitFor(15, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** @return what the app logged (its stderr) */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
