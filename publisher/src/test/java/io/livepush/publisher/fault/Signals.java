package io.livepush.publisher.fault;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Test helper: stops and continues a peer process by its pid (SIGSTOP/SIGCONT), never by name. */
final class Signals {
    private Signals() {
    }

    /** Freezes the process: its listening socket still accepts TCP connections, but nothing answers. */
    static void stop(long pid) throws IOException, InterruptedException {
        send("-STOP", pid);
    }

    /** Lets a stopped process run again. */
    static void resume(long pid) throws IOException, InterruptedException {
        send("-CONT", pid);
    }

    private static void send(String signal, long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true).start();
        if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("kill " + signal + " " + pid + " failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }
}
