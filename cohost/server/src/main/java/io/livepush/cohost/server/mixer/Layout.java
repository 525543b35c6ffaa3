package io.livepush.cohost.server.mixer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How the mixer arranges the participants on its canvas. A layout turns the list of participants
 * present (the host first, then guests in the order they joined) into {@link Region}s; the mixer
 * asks again whenever someone joins or leaves or {@link Mixer#setLayout} installs a new layout.
 *
 * <p>Built-in layouts: {@link #sideBySide()}, {@link #pictureInPicture()}, {@link #grid()} and
 * {@link #explicit(List)}. Implementations must be pure functions of their arguments (they are called
 * on the compositor thread) and must return regions inside the canvas.
 */
@FunctionalInterface
public interface Layout {
    /**
     * @param participants user ids present, host first, then guests in join order; never empty
     * @param canvasWidth the canvas width in pixels
     * @param canvasHeight the canvas height in pixels
     * @return the regions to draw, any order (they are drawn by {@link Region#zOrder()})
     */
    List<Region> arrange(List<String> participants, int canvasWidth, int canvasHeight);

    /**
     * Equal columns side by side, each picture fitted into its column.
     *
     * @return the layout: one column per participant, in the order given
     */
    static Layout sideBySide() {
        return (participants, w, h) -> {
            List<Region> out = new ArrayList<>();
            double cw = (double) w / participants.size();
            for (int i = 0; i < participants.size(); i++) {
                out.add(Region.even(participants.get(i), i * cw, 0, cw, h, 0));
            }
            return out;
        };
    }

    /**
     * The first participant (the host) fills the canvas; the others are small windows of a quarter
     * of the canvas width along the bottom right, drawn on top.
     *
     * @return the layout; guests whose window would start left of the canvas are not shown
     */
    static Layout pictureInPicture() {
        return (participants, w, h) -> {
            List<Region> out = new ArrayList<>();
            out.add(new Region(participants.get(0), 0, 0, w & ~1, h & ~1, 0));
            double pw = w / 4.0;
            double ph = h / 4.0;
            double margin = Math.max(2, w / 64.0);
            for (int i = 1; i < participants.size(); i++) {
                double x = w - margin - i * (pw + margin);
                if (x < 0) {
                    break;
                }
                out.add(Region.even(participants.get(i), x, h - margin - ph, pw, ph, i));
            }
            return out;
        };
    }

    /**
     * The smallest square-ish grid that holds everyone, filled row by row.
     *
     * @return the layout: {@code ceil(sqrt(n))} columns and as many rows as needed for n participants
     */
    static Layout grid() {
        return (participants, w, h) -> {
            int n = participants.size();
            int cols = (int) Math.ceil(Math.sqrt(n));
            int rows = (int) Math.ceil((double) n / cols);
            double cw = (double) w / cols;
            double ch = (double) h / rows;
            List<Region> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(Region.even(participants.get(i), (i % cols) * cw, (i / cols) * ch, cw, ch, 0));
            }
            return out;
        };
    }

    /**
     * Fixed regions chosen by the application. Regions of users not present are left out; users
     * present without a region are not shown.
     *
     * @param regions the regions, at most one per user (copied)
     * @return the layout, drawing the regions of the users present by {@link Region#zOrder()}
     * @throws IllegalArgumentException when a user has two regions
     * @throws NullPointerException when {@code regions} is or holds null
     */
    static Layout explicit(List<Region> regions) {
        List<Region> copy = List.copyOf(Objects.requireNonNull(regions, "regions"));
        if (copy.stream().map(Region::userId).distinct().count() != copy.size()) {
            throw new IllegalArgumentException("explicit layout names a user twice: " + copy
                    + " (expected at most one region per user)");
        }
        return (participants, w, h) -> copy.stream().filter(r -> participants.contains(r.userId()))
                .sorted(Comparator.comparingInt(Region::zOrder)).toList();
    }
}
