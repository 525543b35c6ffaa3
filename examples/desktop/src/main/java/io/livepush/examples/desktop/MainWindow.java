package io.livepush.examples.desktop;

import io.livepush.publisher.stream.LiveStreamStats;
import java.awt.BorderLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.WindowConstants;

/**
 * The app's window, assembled in one place: sources, picture settings, Go Live and the event box on
 * the left; the preview and the live stats in the middle; co-hosting on the right; the status bar
 * with its progress indicator at the bottom. It is the {@link StreamView} of its
 * {@link StreamController}, which keeps all SDK work off the event dispatch thread.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class MainWindow extends JFrame implements StreamView {
    private final LatestPreview latest = new LatestPreview();
    private final StatusBar status = new StatusBar();
    private final PreviewPanel preview = new PreviewPanel(latest);
    private final StatsPanel stats = new StatsPanel();
    private final StreamController controller = new StreamController(this, latest);
    private final SourcePanel sources = new SourcePanel(status, this::videoChosen);
    private final StreamSettingsPanel settings = new StreamSettingsPanel();
    private final GoLivePanel goLive = new GoLivePanel(this::goLivePressed, this::stopPressed);
    private final SeiEventPanel events = new SeiEventPanel(this::sendEvent);
    private final CohostPanel cohost = new CohostPanel(status::error);

    /** Builds the window (event dispatch thread); {@link #start()} shows it. */
    public MainWindow() {
        super("LivePush");
        setName("window");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                shutDown();
            }
        });
        JPanel left = new JPanel();
        left.setLayout(new BoxLayout(left, BoxLayout.Y_AXIS));
        left.add(sources);
        left.add(settings);
        left.add(goLive);
        left.add(events);
        JPanel leftTop = new JPanel(new BorderLayout());
        leftTop.add(left, BorderLayout.NORTH);
        JPanel centre = new JPanel(new BorderLayout(6, 6));
        centre.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        centre.add(preview, BorderLayout.NORTH);
        centre.add(stats, BorderLayout.CENTER);
        JPanel content = new JPanel(new BorderLayout(4, 4));
        content.add(leftTop, BorderLayout.WEST);
        content.add(centre, BorderLayout.CENTER);
        content.add(cohost, BorderLayout.EAST);
        content.add(status, BorderLayout.SOUTH);
        setContentPane(content);
        pack();
    }

    /** Shows the window, starts the test pattern preview and looks for devices in the background. */
    public void start() {
        setLocation(0, 0);
        setVisible(true);
        controller.showPreview(VideoChoice.testPattern(), StreamSettings.defaults());
        sources.discover();
    }

    private void videoChosen(VideoChoice choice) {
        try {
            controller.showPreview(choice, settings.settings());
        } catch (IllegalArgumentException e) {
            status.error(ErrorMessages.describe(e));
        }
    }

    private void goLivePressed() {
        IngestTarget target;
        StreamSettings s;
        try {
            s = settings.settings();
            target = goLive.target();
        } catch (IllegalArgumentException e) {
            status.error(ErrorMessages.describe(e));
            return;
        }
        goLive.connecting();
        sources.setLive(true);
        settings.setLive(true);
        stats.reset();
        controller.goLive(sources.videoChoice(), sources.audioChoice(), s, target);
    }

    private void stopPressed() {
        controller.stop();
    }

    private void sendEvent(String text) {
        try {
            status.notice(controller.sendEvent(text));
            events.sent();
        } catch (IllegalArgumentException | IllegalStateException e) {
            status.error(ErrorMessages.describe(e));
        }
    }

    private void shutDown() {
        status.busy("Closing\u2026");
        new Thread(() -> {
            controller.close();
            cohost.close();
            javax.swing.SwingUtilities.invokeLater(() -> {
                preview.stop();
                dispose();
            });
        }, "livepush-desktop-close").start();
    }

    /** @return the controller (for embedding and tests) */
    public StreamController controller() {
        return controller;
    }

    @Override
    public void busy(String what) {
        status.busy(what);
    }

    @Override
    public void idle() {
        status.idle();
    }

    @Override
    public void previewing(String description) {
        status.notice("Preview: " + description);
    }

    @Override
    public void live(String redactedUrl) {
        goLive.live(redactedUrl);
        preview.setLive(true);
        status.notice("Live to " + redactedUrl);
        setTitle("LivePush \u2014 LIVE");
    }

    @Override
    public void stats(LiveStreamStats s) {
        stats.show(s);
    }

    @Override
    public void notice(String words) {
        status.notice(words);
    }

    @Override
    public void stopped() {
        goLive.stopped();
        sources.setLive(false);
        settings.setLive(false);
        preview.setLive(false);
        setTitle("LivePush");
        if (!status.text().startsWith("The stream stopped") && !status.text().startsWith("The server")) {
            status.notice("Stopped.");
        }
    }

    @Override
    public void error(String words) {
        status.error(words);
    }
}
