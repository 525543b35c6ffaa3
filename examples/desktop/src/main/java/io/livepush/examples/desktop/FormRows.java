package io.livepush.examples.desktop;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** A two-column form (label, field) laid out with a {@link GridBagLayout}; used by the side panels. */
final class FormRows {
    private final JPanel panel;
    private int row;

    FormRows(JPanel panel) {
        this.panel = panel;
        panel.setLayout(new GridBagLayout());
    }

    /** Adds a labelled field. */
    FormRows add(String label, JComponent field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(2, 2, 2, 6);
        JLabel l = new JLabel(label);
        l.setLabelFor(field);
        panel.add(l, c);
        c = new GridBagConstraints();
        c.gridx = 1;
        c.gridy = row++;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(2, 2, 2, 2);
        panel.add(field, c);
        return this;
    }

    /** Adds a component across both columns. */
    FormRows span(JComponent component) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row++;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(2, 2, 2, 2);
        panel.add(component, c);
        return this;
    }
}
