package io.livepush.examples.desktop;

import java.awt.GraphicsEnvironment;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * The LivePush desktop streaming app: {@code java -jar livepush-desktop.jar}. Pick the test pattern,
 * a camera or a screen and a microphone, watch the preview, set size, frame rate and bitrate, type
 * the RTMP server URL and stream key, and press Go Live. Needs a display ({@code DISPLAY} on Linux;
 * {@code xvfb-run} works for trying it without one).
 */
public final class DesktopApp {
    private DesktopApp() {
    }

    /**
     * Opens the window on the event dispatch thread.
     *
     * @param args none are used
     * @throws Exception when the window cannot be built
     *     ({@link java.lang.reflect.InvocationTargetException} with the cause) or the wait is interrupted
     */
    public static void main(String[] args) throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("livepush-desktop: there is no display to open a window on (DISPLAY is not set)."
                    + " Run it on a desktop, or try it with: xvfb-run java -jar livepush-desktop.jar");
            System.exit(2);
        }
        SwingUtilities.invokeAndWait(DesktopApp::open);
    }

    /**
     * Builds and shows the window; event dispatch thread only.
     *
     * @return the window
     */
    public static MainWindow open() {
        try {
            UIManager.setLookAndFeel(UIManager.getCrossPlatformLookAndFeelClassName());
        } catch (ReflectiveOperationException | javax.swing.UnsupportedLookAndFeelException e) {
            // The default look and feel stays.
        }
        MainWindow w = new MainWindow();
        w.start();
        return w;
    }
}
