package io.livepush.examples.desktop;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.Timer;

/**
 * The live preview: the newest picture from {@link LatestPreview}, scaled to fit with its aspect ratio
 * kept, on black; a red LIVE badge while streaming. A Swing timer looks for a new picture ten times a
 * second, so painting never runs on a capture thread.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class PreviewPanel extends JComponent {
    private final LatestPreview source;
    private final Timer timer;
    private BufferedImage image;
    private boolean live;
    private String placeholder = "Starting the preview\u2026";

    /** @param source where pictures come from */
    public PreviewPanel(LatestPreview source) {
        this.source = source;
        setName("preview");
        setPreferredSize(new Dimension(512, 288));
        setOpaque(true);
        timer = new Timer(100, e -> poll());
        timer.start();
    }

    private void poll() {
        PreviewImage p = source.take();
        if (p == null) {
            return;
        }
        if (image == null || image.getWidth() != p.width() || image.getHeight() != p.height()) {
            image = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
        }
        image.setRGB(0, 0, p.width(), p.height(), p.rgb(), 0, p.width());
        repaint();
    }

    /**
     * Shows or hides the LIVE badge.
     *
     * @param live true while streaming
     */
    public void setLive(boolean live) {
        this.live = live;
        repaint();
    }

    /**
     * Shows this text instead of a picture until the next one comes (e.g. after a source failed).
     *
     * @param text the text to show on black
     */
    public void clear(String text) {
        image = null;
        placeholder = text;
        repaint();
    }

    /** @return true once a picture has been shown */
    public boolean hasPicture() {
        return image != null;
    }

    /** @return where the picture is drawn, in this component's coordinates (empty before the first one) */
    public Rectangle pictureBounds() {
        if (image == null) {
            return new Rectangle();
        }
        double scale = Math.min((double) getWidth() / image.getWidth(), (double) getHeight() / image.getHeight());
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        return new Rectangle((getWidth() - w) / 2, (getHeight() - h) / 2, w, h);
    }

    /** Stops the refresh timer (the window is closing). */
    public void stop() {
        timer.stop();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setColor(Color.BLACK);
            g2.fillRect(0, 0, getWidth(), getHeight());
            if (image == null) {
                g2.setColor(Color.LIGHT_GRAY);
                g2.drawString(placeholder, 16, getHeight() / 2);
                return;
            }
            Rectangle r = pictureBounds();
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g2.drawImage(image, r.x, r.y, r.width, r.height, null);
            if (live) {
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g2.setFont(getFont().deriveFont(Font.BOLD, 13f));
                g2.setColor(new Color(210, 20, 30));
                g2.fillRoundRect(r.x + r.width - 58, r.y + 8, 50, 22, 8, 8);
                g2.setColor(Color.WHITE);
                g2.drawString("LIVE", r.x + r.width - 50, r.y + 24);
            }
        } finally {
            g2.dispose();
        }
    }
}
