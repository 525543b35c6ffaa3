package io.livepush.examples.desktop;

import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JPanel;
import javax.swing.JTextField;

/**
 * The picture settings: size (editable list of common sizes), frames per second and video bitrate,
 * turned into {@link StreamSettings} (which validates them with words) when needed.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class StreamSettingsPanel extends JPanel {
    private final JComboBox<String> size = new JComboBox<>(new String[] {"1280x720", "1920x1080", "960x540", "640x360"});
    private final JTextField fps = new JTextField("30", 4);
    private final JTextField bitrate = new JTextField("2500", 6);

    /** The defaults: 1280x720, 30 fps, 2500 kbps. */
    public StreamSettingsPanel() {
        setBorder(BorderFactory.createTitledBorder("Picture"));
        size.setEditable(true);
        size.setName("size");
        fps.setName("fps");
        bitrate.setName("bitrate");
        new FormRows(this).add("Size", size).add("Frames/s", fps).add("Bitrate (kbps)", bitrate);
    }

    /**
     * @return the settings typed
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public StreamSettings settings() {
        Object typed = size.getEditor().getItem();
        return StreamSettings.parse(typed == null ? "" : typed.toString(), fps.getText(), bitrate.getText());
    }

    /**
     * Locks the fields while live: they apply to the next stream.
     *
     * @param live true while a stream is connecting or live
     */
    public void setLive(boolean live) {
        size.setEnabled(!live);
        fps.setEnabled(!live);
        bitrate.setEnabled(!live);
    }
}
