package io.livepush.examples.desktop;

import java.awt.FlowLayout;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;

/**
 * Where to stream and the Go Live / Stop buttons. The stream key is typed into a password field and
 * never shown; once live, the destination is shown with the key redacted.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class GoLivePanel extends JPanel {
    private final JTextField server = new JTextField("rtmp://127.0.0.1:1935/live", 22);
    private final JPasswordField key = new JPasswordField(22);
    private final JButton goLive = new JButton("Go Live");
    private final JButton stop = new JButton("Stop");
    private final JLabel destination = new JLabel("Not live");

    /**
     * @param onGoLive run on the event dispatch thread when Go Live is pressed
     * @param onStop run on the event dispatch thread when Stop is pressed
     */
    public GoLivePanel(Runnable onGoLive, Runnable onStop) {
        setBorder(BorderFactory.createTitledBorder("Go live"));
        server.setName("server");
        key.setName("streamKey");
        goLive.setName("goLive");
        stop.setName("stop");
        destination.setName("destination");
        goLive.setFont(goLive.getFont().deriveFont(Font.BOLD));
        stop.setEnabled(false);
        goLive.addActionListener(e -> onGoLive.run());
        stop.addActionListener(e -> onStop.run());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        buttons.add(goLive);
        buttons.add(stop);
        new FormRows(this).add("Server URL", server).add("Stream key", key).span(buttons).span(destination);
    }

    /**
     * @return the destination typed
     * @throws IllegalArgumentException naming the field that is wrong (never echoing the key)
     */
    public IngestTarget target() {
        char[] k = key.getPassword();
        try {
            return IngestTarget.of(server.getText(), k);
        } finally {
            java.util.Arrays.fill(k, '\0');
        }
    }

    /** Connecting: both buttons wait, Stop can cancel. */
    public void connecting() {
        goLive.setEnabled(false);
        stop.setEnabled(true);
        server.setEnabled(false);
        key.setEnabled(false);
    }

    /**
     * Live: shows where, key redacted.
     *
     * @param redactedUrl the destination with the stream key masked
     */
    public void live(String redactedUrl) {
        connecting();
        destination.setText("LIVE \u2192 " + redactedUrl);
    }

    /** Not live. */
    public void stopped() {
        goLive.setEnabled(true);
        stop.setEnabled(false);
        server.setEnabled(true);
        key.setEnabled(true);
        destination.setText("Not live");
    }
}
