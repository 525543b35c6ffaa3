package io.livepush.examples.desktop;

import java.awt.BorderLayout;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * The "send event" box: text sent as an SEI message on the next video frame (a coupon, a card, a
 * vote...), with a live count of its UTF-8 bytes against the 255-byte limit.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class SeiEventPanel extends JPanel {
    private final JTextField text = new JTextField(18);
    private final JButton send = new JButton("Send event");
    private final JLabel count = new JLabel("0 / " + SeiText.MAX_BYTES + " bytes");

    /** @param onSend run on the event dispatch thread with the text when Send (or Enter) is pressed */
    public SeiEventPanel(Consumer<String> onSend) {
        super(new BorderLayout(4, 4));
        setBorder(BorderFactory.createTitledBorder("Send event (SEI)"));
        text.setName("seiText");
        send.setName("seiSend");
        count.setName("seiBytes");
        add(text, BorderLayout.CENTER);
        add(send, BorderLayout.EAST);
        add(count, BorderLayout.SOUTH);
        send.addActionListener(e -> onSend.accept(text.getText()));
        text.addActionListener(e -> onSend.accept(text.getText()));
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                recount();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                recount();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                recount();
            }
        });
    }

    private void recount() {
        int n = text.getText().strip().getBytes(StandardCharsets.UTF_8).length;
        count.setText(n + " / " + SeiText.MAX_BYTES + " bytes" + (n > SeiText.MAX_BYTES ? " (too long)" : ""));
    }

    /** Clears the box after a send. */
    public void sent() {
        text.setText("");
    }
}
