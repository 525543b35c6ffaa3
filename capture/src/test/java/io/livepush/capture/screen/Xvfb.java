package io.livepush.capture.screen;

import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.PeerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test peer: a private Xvfb on a free display number (black root, 1280x720x24, MIT-SHM and XFIXES
 * on), and solid-colour windows drawn on it with {@code xlogo -fg C -bg C} at known places (there is
 * no window manager, so the geometry asked is where the window lands). Everything is stopped by its
 * process id on {@link #close()}.
 */
public final class Xvfb implements AutoCloseable {
    private final PeerProcess server;
    private final String display;
    private final Path dir;
    private final List<PeerProcess> windows = new ArrayList<>();

    private Xvfb(PeerProcess server, String display, Path dir) {
        this.server = server;
        this.display = display;
        this.dir = dir;
    }

    /**
     * Starts Xvfb (skips, or fails under {@code -Dinterop=required}, when Xvfb or xlogo is missing).
     *
     * @param dir where the logs go
     */
    public static Xvfb start(Path dir, int width, int height) throws IOException, InterruptedException {
        String xvfb = Interop.requireExecutable("Xvfb", "xvfb");
        Interop.requireExecutable("xlogo", "x11-apps");
        Files.createDirectories(dir);
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 400; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            String display = ":" + n;
            PeerProcess p = PeerProcess.start(List.of(xvfb, display, "-screen", "0", width + "x" + height + "x24",
                    "-nolisten", "tcp", "-br", "-noreset"), dir.resolve("xvfb" + n + ".log"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && p.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                Thread.sleep(20);
            }
            if (p.isAlive() && Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                Thread.sleep(100);
                return new Xvfb(p, display, dir);
            }
            p.close(); // lost a race for this number: try the next
        }
        throw new IOException("no free X display number for Xvfb");
    }

    /** @return the display name, e.g. {@code :93} */
    public String display() {
        return display;
    }

    /** @return the server's process id */
    public long pid() {
        return server.pid();
    }

    /**
     * Opens a solid window of one colour (an X colour name or {@code #rrggbb}) at a place.
     */
    public PeerProcess solidWindow(String colour, int x, int y, int width, int height) throws IOException {
        PeerProcess w = PeerProcess.start(List.of("xlogo", "-display", display, "-geometry",
                width + "x" + height + "+" + x + "+" + y, "-fg", colour, "-bg", colour, "-bd", colour, "-bw", "0"),
                dir.resolve("xlogo-" + windows.size() + ".log"));
        windows.add(w);
        return w;
    }

    /** Stops the windows, then the server, by process id. */
    @Override
    public void close() {
        for (PeerProcess w : windows) {
            w.close();
        }
        server.close();
    }
}
