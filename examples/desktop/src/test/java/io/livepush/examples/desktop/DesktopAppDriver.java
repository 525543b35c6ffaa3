package io.livepush.examples.desktop;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.border.TitledBorder;
import javax.swing.text.JTextComponent;

/**
 * Test-only: runs the real {@link DesktopApp} in its own JVM (with {@code DISPLAY} set by the test)
 * and drives it like a user, on commands read line by line from stdin, answering one line each on
 * stdout ({@code driver> ok ...} or {@code driver> error ...}):
 * <ul>
 *   <li>{@code set NAME TEXT}: types TEXT into the named field (or picks the list entry containing it);</li>
 *   <li>{@code click NAME}: moves the real mouse pointer onto the named button and clicks it ({@link Robot});</li>
 *   <li>{@code text NAME}, {@code enabled NAME}: what the component shows, whether it is enabled;</li>
 *   <li>{@code texts FILE}: every text visible in the window, one per line (password fields as bullets);</li>
 *   <li>{@code capture NAME FILE}, {@code capture-picture FILE}: screen pixels of a component (or the
 *       window, NAME {@code window}), or of the preview's picture, as PNG, read back from the X server;</li>
 *   <li>{@code quit}: closes the window the way a user does; the JVM must then end by itself.</li>
 * </ul>
 */
public final class DesktopAppDriver {
    private static final String PREFIX = "driver> ";

    private DesktopAppDriver() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing else may write into the protocol
        AtomicReference<MainWindow> window = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> window.set(DesktopApp.open()));
        Robot robot = new Robot();
        robot.setAutoDelay(15);
        out.println(PREFIX + "ok ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("quit")) {
                SwingUtilities.invokeAndWait(() -> window.get().dispatchEvent(
                        new WindowEvent(window.get(), WindowEvent.WINDOW_CLOSING)));
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (window.get().isDisplayable() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                out.println(PREFIX + (window.get().isDisplayable() ? "error window still open" : "ok closed"));
                return; // no System.exit: the JVM must end by itself once the window is closed (no threads left)
            }
            try {
                out.println(PREFIX + "ok " + handle(line, window.get(), robot));
            } catch (Exception | AssertionError e) {
                out.println(PREFIX + "error " + String.valueOf(e).replace('\n', ' '));
            }
        }
        System.exit(1);
    }

    private static String handle(String line, MainWindow w, Robot robot) throws Exception {
        String[] p = line.split(" ", 3);
        switch (p[0]) {
            case "set" -> {
                String value = p.length > 2 ? p[2] : "";
                onEdt(() -> set(find(w, p[1]), value));
                return "";
            }
            case "click" -> {
                Rectangle r = onEdt(() -> {
                    Component c = find(w, p[1]);
                    if (!c.isShowing() || !c.isEnabled()) {
                        throw new IllegalStateException(p[1] + " is not showing or not enabled");
                    }
                    return new Rectangle(c.getLocationOnScreen(), c.getSize());
                });
                robot.mouseMove(r.x + r.width / 2, r.y + r.height / 2);
                robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
                robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
                robot.waitForIdle();
                return "";
            }
            case "text" -> {
                return onEdt(() -> text(find(w, p[1])));
            }
            case "enabled" -> {
                return String.valueOf(onEdt(() -> find(w, p[1]).isEnabled()));
            }
            case "texts" -> {
                List<String> all = onEdt(() -> {
                    List<String> t = new ArrayList<>();
                    t.add(w.getTitle());
                    collect(w.getContentPane(), t);
                    return t;
                });
                Files.write(Path.of(p[1]), all, StandardCharsets.UTF_8);
                return String.valueOf(all.size());
            }
            case "capture", "capture-picture" -> {
                Rectangle r = onEdt(() -> {
                    if (p[0].equals("capture-picture")) {
                        PreviewPanel pp = (PreviewPanel) find(w, "preview");
                        Rectangle b = pp.pictureBounds();
                        Point o = pp.getLocationOnScreen();
                        return new Rectangle(o.x + b.x, o.y + b.y, b.width, b.height);
                    }
                    Component c = p[1].equals("window") ? w : find(w, p[1]);
                    return new Rectangle(c.getLocationOnScreen(), c.getSize());
                });
                if (r.isEmpty()) {
                    throw new IllegalStateException("nothing to capture yet (empty bounds)");
                }
                robot.waitForIdle();
                BufferedImage img = robot.createScreenCapture(r);
                ImageIO.write(img, "png", Path.of(p[p.length - 1]).toFile());
                return r.width + "x" + r.height;
            }
            default -> throw new IllegalArgumentException("unknown command '" + p[0] + "'");
        }
    }

    private static void set(Component c, String value) {
        if (c instanceof JTextComponent t) {
            t.setText(value);
        } else if (c instanceof JComboBox<?> box && box.isEditable()) {
            box.setSelectedItem(value);
        } else if (c instanceof JComboBox<?> box) {
            for (int i = 0; i < box.getItemCount(); i++) {
                if (String.valueOf(box.getItemAt(i)).contains(value)) {
                    box.setSelectedIndex(i);
                    return;
                }
            }
            throw new IllegalArgumentException("no entry containing '" + value + "'");
        } else {
            throw new IllegalArgumentException(c.getName() + " is a " + c.getClass().getSimpleName()
                    + " (expected a text field or a list)");
        }
    }

    private static String text(Component c) {
        if (c instanceof JPasswordField f) {
            return "\u2022".repeat(f.getPassword().length);
        }
        if (c instanceof JTextComponent t) {
            return t.getText();
        }
        if (c instanceof JLabel l) {
            return l.getText();
        }
        if (c instanceof AbstractButton b) {
            return b.getText();
        }
        if (c instanceof JComboBox<?> box) {
            return String.valueOf(box.getSelectedItem());
        }
        throw new IllegalArgumentException(c.getName() + " shows no text");
    }

    /** Every text the window shows: labels, buttons, fields, list entries as rendered, titles, tooltips. */
    private static void collect(Container parent, List<String> out) {
        for (Component c : parent.getComponents()) {
            if (!c.isVisible()) {
                continue;
            }
            if (c instanceof JComponent j) {
                if (j.getToolTipText() != null) {
                    out.add(j.getToolTipText());
                }
                if (j.getBorder() instanceof TitledBorder tb) {
                    out.add(tb.getTitle());
                }
            }
            if (c instanceof JList<?> list) {
                for (int i = 0; i < list.getModel().getSize(); i++) {
                    @SuppressWarnings("unchecked")
                    JList<Object> l = (JList<Object>) list;
                    Component r = l.getCellRenderer().getListCellRendererComponent(l, l.getModel().getElementAt(i), i,
                            false, false);
                    out.add(r instanceof JLabel lab ? lab.getText() : String.valueOf(l.getModel().getElementAt(i)));
                }
            } else if (c instanceof JComboBox<?> box) {
                out.add(String.valueOf(box.getSelectedItem()));
            } else if (c instanceof JProgressBar bar) {
                if (bar.isStringPainted()) {
                    out.add(bar.getString());
                }
            } else if (c instanceof JLabel || c instanceof AbstractButton || c instanceof JTextComponent) {
                out.add(text(c));
            }
            if (c instanceof Container k && !(c instanceof JComboBox<?>)) {
                collect(k, out);
            }
        }
    }

    private static Component find(Frame w, String name) {
        Component c = find(w.getComponents(), name);
        if (c == null) {
            throw new IllegalArgumentException("no component named '" + name + "'");
        }
        return c;
    }

    private static Component find(Component[] cs, String name) {
        for (Component c : cs) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container k) {
                Component f = find(k.getComponents(), name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private interface EdtCall<T> {
        T call() throws Exception;
    }

    private static <T> T onEdt(EdtCall<T> call) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(call.call());
            } catch (Exception e) {
                error.set(e);
            }
        });
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    private static void onEdt(Runnable r) throws Exception {
        SwingUtilities.invokeAndWait(r);
    }
}
