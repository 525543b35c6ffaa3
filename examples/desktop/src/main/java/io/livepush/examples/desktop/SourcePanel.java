package io.livepush.examples.desktop;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JPanel;
import javax.swing.SwingWorker;

/**
 * Picks the video source (test pattern, cameras, screens) and the sound (tone, none, microphones).
 * Device discovery runs off the event dispatch thread ({@link SourceCatalog}); the lists start with
 * the test pattern and the tone so the app is usable at once.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class SourcePanel extends JPanel {
    private final JComboBox<VideoChoice> video = new JComboBox<>(new VideoChoice[] {VideoChoice.testPattern()});
    private final JComboBox<AudioChoice> audio = new JComboBox<>(new AudioChoice[] {AudioChoice.tone(), AudioChoice.none()});
    private final JButton refresh = new JButton("Find devices");
    private final StatusBar status;
    private boolean updating;

    /**
     * @param status where discovery shows its progress and errors
     * @param onVideoChosen told on the event dispatch thread when the user picks another video source
     */
    public SourcePanel(StatusBar status, Consumer<VideoChoice> onVideoChosen) {
        this.status = status;
        setBorder(BorderFactory.createTitledBorder("Sources"));
        video.setName("videoSource");
        // Device names can be long: the lists keep a fixed width and show the full name as a tooltip.
        video.setPrototypeDisplayValue(new VideoChoice(VideoChoice.Kind.TEST_PATTERN, "", "Test pattern (colour bars)xx"));
        audio.setPrototypeDisplayValue(new AudioChoice(AudioChoice.Kind.NONE, "", "Test pattern (colour bars)xx"));
        audio.setName("audioSource");
        refresh.setName("findDevices");
        new FormRows(this).add("Video", video).add("Sound", audio).span(refresh);
        video.addActionListener(e -> {
            if (!updating && video.getSelectedItem() instanceof VideoChoice c) {
                onVideoChosen.accept(c);
            }
        });
        refresh.addActionListener(e -> discover());
    }

    /** Looks for cameras, screens and microphones in the background and refills the lists. */
    public void discover() {
        refresh.setEnabled(false);
        status.busy("Looking for cameras, screens and microphones\u2026");
        new SwingWorker<Object[], Void>() {
            @Override
            protected Object[] doInBackground() {
                return new Object[] {SourceCatalog.videoChoices(), SourceCatalog.audioChoices()};
            }

            @Override
            @SuppressWarnings("unchecked")
            protected void done() {
                refresh.setEnabled(true);
                status.idle();
                try {
                    Object[] found = get();
                    fill(video, (List<VideoChoice>) found[0]);
                    fill(audio, (List<AudioChoice>) found[1]);
                    status.notice("Found " + (video.getItemCount() - 1) + " camera/screen source(s) and "
                            + (audio.getItemCount() - 2) + " microphone(s).");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    status.error("Looking for devices failed: " + ErrorMessages.describe(e));
                }
            }
        }.execute();
    }

    private <T> void fill(JComboBox<T> box, List<T> items) {
        Object selected = box.getSelectedItem();
        updating = true;
        try {
            DefaultComboBoxModel<T> model = new DefaultComboBoxModel<>();
            items.forEach(model::addElement);
            if (selected != null && items.contains(selected)) {
                model.setSelectedItem(selected);
            }
            box.setModel(model);
        } finally {
            updating = false;
        }
    }

    /** @return the chosen video source */
    public VideoChoice videoChoice() {
        return (VideoChoice) video.getSelectedItem();
    }

    /** @return the chosen sound */
    public AudioChoice audioChoice() {
        return (AudioChoice) audio.getSelectedItem();
    }

    /**
     * Locks the lists while live (a change would only apply to the next stream).
     *
     * @param live true while a stream is connecting or live
     */
    public void setLive(boolean live) {
        refresh.setEnabled(!live);
        audio.setEnabled(!live);
    }
}
