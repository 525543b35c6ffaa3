package io.livepush.examples.desktop;

import io.livepush.publisher.stream.LiveStreamStats;
import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * The live figures, refreshed each second from {@link LiveStreamStats}: the bitrate graph, frames per
 * second in and out, the send queue, dropped frames, reconnects, round trip and uptime.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class StatsPanel extends JPanel {
    private final BitrateGraph graph = new BitrateGraph();
    private final JLabel bitrate = value("statsBitrate");
    private final JLabel fps = value("statsFps");
    private final JLabel queue = value("statsQueue");
    private final JLabel dropped = value("statsDropped");
    private final JLabel reconnects = value("statsReconnects");
    private final JLabel rtt = value("statsRtt");
    private final JLabel uptime = value("statsUptime");
    private final JLabel target = value("statsTarget");

    /** An empty panel ("not live"). */
    public StatsPanel() {
        super(new BorderLayout(0, 6));
        setBorder(BorderFactory.createTitledBorder("Live stats"));
        add(graph, BorderLayout.NORTH);
        JPanel grid = new JPanel(new GridLayout(0, 4, 8, 2));
        row(grid, "Bitrate", bitrate);
        row(grid, "Frames/s in / out", fps);
        row(grid, "Send queue", queue);
        row(grid, "Dropped frames", dropped);
        row(grid, "Reconnects", reconnects);
        row(grid, "Round trip", rtt);
        row(grid, "Uptime", uptime);
        row(grid, "Video target", target);
        add(grid, BorderLayout.CENTER);
        reset();
    }

    /**
     * Shows one second's figures.
     *
     * @param s the stream's statistics for the last second
     */
    public void show(LiveStreamStats s) {
        graph.add(s.kbps());
        bitrate.setText(String.format(Locale.ROOT, "%.0f kbps", s.kbps()));
        fps.setText(String.format(Locale.ROOT, "%.1f / %.1f", s.fpsIn(), s.fpsOut()));
        queue.setText(s.queueMs() + " ms");
        dropped.setText(String.valueOf(s.droppedFrames()));
        reconnects.setText(String.valueOf(s.reconnects()));
        rtt.setText(s.rttMs() >= 0 ? s.rttMs() + " ms" : "\u2013");
        uptime.setText(String.format(Locale.ROOT, "%d:%02d", s.uptimeMs() / 60_000, (s.uptimeMs() / 1000) % 60));
        target.setText(s.videoBitrateBps() / 1000 + " kbps");
    }

    /** Clears the figures for a new stream. */
    public void reset() {
        graph.clear();
        for (JLabel l : new JLabel[] {bitrate, fps, queue, dropped, reconnects, rtt, uptime, target}) {
            l.setText("\u2013");
        }
    }

    private static JLabel value(String name) {
        JLabel l = new JLabel();
        l.setName(name);
        return l;
    }

    private static void row(JPanel grid, String label, JLabel value) {
        grid.add(new JLabel(label + ":"));
        grid.add(value);
    }
}
