package io.livepush.examples.desktop;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;

/**
 * The bottom line of the window: a progress bar that runs while something takes time (connecting,
 * opening a device, looking for devices) and the latest message: a notice in black, an error in red.
 * Event dispatch thread only.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class StatusBar extends JPanel {
    private final JProgressBar progress = new JProgressBar();
    private final JLabel message = new JLabel(" ");
    private int busyCount;

    /** An idle bar. */
    public StatusBar() {
        super(new BorderLayout(8, 0));
        setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        progress.setName("progress");
        message.setName("status");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setPreferredSize(new Dimension(140, 16));
        add(progress, BorderLayout.WEST);
        add(message, BorderLayout.CENTER);
    }

    /**
     * Shows the progress bar with this text; pair each call with one {@link #idle()}.
     *
     * @param what the work under way, e.g. {@code "Connecting to rtmp://host/live/abcd****..."}
     */
    public void busy(String what) {
        busyCount++;
        progress.setVisible(true);
        progress.setString(what);
        show(what, false);
    }

    /** One piece of long work ended; the bar hides when none is left. */
    public void idle() {
        busyCount = Math.max(0, busyCount - 1);
        progress.setVisible(busyCount > 0);
    }

    /**
     * Shows a notice.
     *
     * @param words the sentence to show, in black
     */
    public void notice(String words) {
        show(words, false);
    }

    /**
     * Shows an error, in red.
     *
     * @param words the sentence to show
     */
    public void error(String words) {
        show(words, true);
    }

    /** @return the message shown */
    public String text() {
        return message.getText();
    }

    /** @return true while the progress bar runs */
    public boolean isBusy() {
        return progress.isVisible();
    }

    private void show(String words, boolean error) {
        message.setForeground(error ? new Color(190, 20, 20) : Color.DARK_GRAY);
        message.setText(words);
        message.setToolTipText(words);
    }
}
