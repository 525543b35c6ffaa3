package io.livepush.examples.desktop;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.Locale;
import javax.swing.JComponent;

/**
 * A line graph of the last minute of bitrate, one point a second, from a {@link BitrateHistory}: the
 * scale's top is a round number, written in the corner with the newest value.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class BitrateGraph extends JComponent {
    private final BitrateHistory history = new BitrateHistory(60);

    /** An empty graph. */
    public BitrateGraph() {
        setName("bitrateGraph");
        setPreferredSize(new Dimension(360, 90));
        setOpaque(true);
    }

    /**
     * Adds a second's bitrate and repaints.
     *
     * @param kbps the bitrate in kbit/s; a negative value is shown as 0
     */
    public void add(double kbps) {
        history.add(Math.max(0, kbps));
        repaint();
    }

    /** Starts over (a new stream). */
    public void clear() {
        history.clear();
        repaint();
    }

    /** @return the samples shown */
    public BitrateHistory history() {
        return history;
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            int w = getWidth();
            int h = getHeight();
            g2.setColor(new Color(24, 28, 34));
            g2.fillRect(0, 0, w, h);
            g2.setColor(new Color(60, 66, 76));
            for (int i = 1; i < 4; i++) {
                g2.drawLine(0, h * i / 4, w, h * i / 4);
            }
            double top = history.scaleTop();
            double[] v = history.values();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (v.length > 1) {
                double step = (double) (w - 1) / (history.capacity() - 1);
                double x0 = w - 1 - step * (v.length - 1);
                Path2D.Double line = new Path2D.Double();
                for (int i = 0; i < v.length; i++) {
                    double x = x0 + i * step;
                    double y = h - 1 - (h - 4) * Math.min(1, v[i] / top);
                    if (i == 0) {
                        line.moveTo(x, y);
                    } else {
                        line.lineTo(x, y);
                    }
                }
                g2.setStroke(new BasicStroke(2f));
                g2.setColor(new Color(80, 200, 120));
                g2.draw(line);
            }
            g2.setColor(Color.LIGHT_GRAY);
            g2.drawString(String.format(Locale.ROOT, "%.0f kbps", top), 6, 14);
            String now = v.length == 0 ? "no data yet" : String.format(Locale.ROOT, "now %.0f kbps", history.latest());
            g2.drawString(now, w - g2.getFontMetrics().stringWidth(now) - 6, 14);
        } finally {
            g2.dispose();
        }
    }
}
