package io.livepush.capture.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate for interop tests against real third-party peers. With {@code -Dinterop=required} (as CI
 * runs) a missing peer fails the test; otherwise the test is skipped with a notice naming what to
 * install.
 */
public final class Interop {
    private Interop() {
    }

    /** @return true when {@code -Dinterop=required} was given */
    public static boolean required() {
        return "required".equalsIgnoreCase(System.getProperty("interop", ""));
    }

    /**
     * Skips (or, when required, fails) the calling test unless {@code present} is true.
     *
     * @param present whether the peer was found
     * @param what the peer and how to install it, e.g. "ffmpeg (apt-get install ffmpeg)"
     */
    public static void assumePeer(boolean present, String what) {
        if (present) {
            return;
        }
        String msg = "interop peer missing: " + what;
        if (required()) {
            Assertions.fail(msg + " (-Dinterop=required)");
        }
        System.err.println("[interop] SKIPPED: " + msg);
        Assumptions.assumeTrue(false, msg);
    }

    /** Requires an executable on the PATH; returns its absolute path. */
    public static String requireExecutable(String name, String debianPackage) {
        String path = findExecutable(name);
        assumePeer(path != null, name + " (apt-get install " + debianPackage + ")");
        return path;
    }

    /** @return the absolute path of an executable on the PATH, or {@code null} */
    public static String findExecutable(String name) {
        String pathEnv = System.getenv("PATH");
        if (pathEnv == null) {
            return null;
        }
        for (String dir : pathEnv.split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/sbin"}) {
            File f = new File(dir, name);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    /** @return a TCP port free on 127.0.0.1 at the time of the call */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
