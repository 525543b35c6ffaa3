package io.livepush.examples.desktop;

import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.client.InvitationOutcome;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

/**
 * Co-hosting: sign in to the signaling server with a token, invite a user, see and answer incoming
 * invitations, and see who is in the mix. Driven by a {@link CohostController}; shows its events as
 * the {@link CohostView}. Event dispatch thread only.
 *
 * <p>Not meant to be serialized (Swing warns that its serialized form changes between releases).
 *
 * @serial exclude
 */
public final class CohostPanel extends JPanel implements CohostView {
    private final JTextField server = new JTextField("ws://127.0.0.1:8443/cohost", 16);
    private final JPasswordField token = new JPasswordField(16);
    private final JButton connect = new JButton("Connect");
    private final JLabel who = new JLabel("Not connected");
    private final JTextField inviteUser = new JTextField(10);
    private final JButton invite = new JButton("Invite");
    private final DefaultListModel<Invitation> invitations = new DefaultListModel<>();
    private final JList<Invitation> invitationList = new JList<>(invitations);
    private final JButton accept = new JButton("Accept");
    private final JButton decline = new JButton("Decline");
    private final DefaultListModel<String> participants = new DefaultListModel<>();
    private final JLabel message = new JLabel(" ");
    private final CohostController controller = new CohostController(this);
    private final Consumer<String> errors;

    /** @param errors where errors are also reported (the window's status bar) */
    public CohostPanel(Consumer<String> errors) {
        super(new BorderLayout(4, 4));
        this.errors = errors;
        setBorder(BorderFactory.createTitledBorder("Co-host"));
        setPreferredSize(new Dimension(300, 400));
        server.setName("cohostServer");
        token.setName("cohostToken");
        connect.setName("cohostConnect");
        who.setName("cohostUser");
        inviteUser.setName("inviteUser");
        invite.setName("invite");
        invitationList.setName("invitations");
        accept.setName("accept");
        decline.setName("decline");
        message.setName("cohostMessage");

        JPanel top = new JPanel();
        JPanel inviteRow = new JPanel(new BorderLayout(4, 0));
        inviteRow.add(inviteUser, BorderLayout.CENTER);
        inviteRow.add(invite, BorderLayout.EAST);
        new FormRows(top).add("Server", server).add("Token", token).span(connect).span(who).add("Invite user", inviteRow);
        add(top, BorderLayout.NORTH);

        invitationList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        invitationList.setVisibleRowCount(3);
        invitationList.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> list, Object value, int index,
                    boolean selected, boolean focus) {
                Object shown = value instanceof Invitation i ? "from " + i.fromUserId() + " (room " + i.roomId() + ")"
                        : value;
                return super.getListCellRendererComponent(list, shown, index, selected, focus);
            }
        });
        JList<String> participantList = new JList<>(participants);
        participantList.setName("participants");
        participantList.setVisibleRowCount(4);
        JPanel answers = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        answers.add(accept);
        answers.add(decline);
        JPanel incoming = new JPanel(new BorderLayout(2, 2));
        incoming.add(new JLabel("Invitations for you"), BorderLayout.NORTH);
        incoming.add(new JScrollPane(invitationList), BorderLayout.CENTER);
        incoming.add(answers, BorderLayout.SOUTH);
        JPanel mix = new JPanel(new BorderLayout(2, 2));
        mix.add(new JLabel("In the mix"), BorderLayout.NORTH);
        mix.add(new JScrollPane(participantList), BorderLayout.CENTER);
        JPanel lists = new JPanel(new GridLayout(2, 1, 4, 4));
        lists.add(incoming);
        lists.add(mix);
        add(lists, BorderLayout.CENTER);
        add(message, BorderLayout.SOUTH);

        connect.addActionListener(e -> connectOrDisconnect());
        invite.addActionListener(e -> run(() -> {
            controller.invite(inviteUser.getText());
            say("Inviting " + inviteUser.getText().strip() + "\u2026");
        }));
        accept.addActionListener(e -> answer(true));
        decline.addActionListener(e -> answer(false));
        disconnected();
    }

    private void connectOrDisconnect() {
        if (controller.connected()) {
            controller.close();
            disconnected();
            return;
        }
        run(() -> controller.connect(server.getText(), new String(token.getPassword())));
    }

    private void answer(boolean yes) {
        Invitation i = invitationList.getSelectedValue();
        if (i == null) {
            fail("Select an invitation first.");
            return;
        }
        run(() -> {
            if (yes) {
                controller.accept(i);
            } else {
                controller.decline(i);
            }
        });
    }

    /** Runs a controller call; bad input and wrong states are shown in words. */
    private void run(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(ErrorMessages.describe(e));
        }
    }

    /** Closes the session (the window is closing). */
    public void close() {
        controller.close();
    }

    @Override
    public void connecting(String serverUri) {
        connect.setEnabled(false);
        say("Connecting to " + serverUri + "\u2026");
    }

    @Override
    public void connected(String userId, String role) {
        connect.setEnabled(true);
        connect.setText("Disconnect");
        server.setEnabled(false);
        token.setEnabled(false);
        who.setText("Signed in as " + userId + " (" + role.toLowerCase(Locale.ROOT) + ")");
        boolean host = role.equals("HOST");
        inviteUser.setEnabled(host);
        invite.setEnabled(host);
        accept.setEnabled(!host);
        decline.setEnabled(!host);
        say("Connected.");
    }

    @Override
    public void disconnected() {
        connect.setEnabled(true);
        connect.setText("Connect");
        server.setEnabled(true);
        token.setEnabled(true);
        who.setText("Not connected");
        inviteUser.setEnabled(false);
        invite.setEnabled(false);
        accept.setEnabled(false);
        decline.setEnabled(false);
        invitations.clear();
        participants.clear();
    }

    @Override
    public void invitationSent(String toUserId) {
        say("Invitation sent to " + toUserId + "; waiting for an answer\u2026");
    }

    @Override
    public void invitationEnded(String toUserId, InvitationOutcome outcome) {
        say(toUserId + " " + switch (outcome) {
            case ACCEPTED -> "accepted the invitation.";
            case DECLINED -> "declined the invitation.";
            case EXPIRED -> "did not answer in time.";
            case CANCELLED -> "was uninvited.";
        });
    }

    @Override
    public void invited(Invitation invitation) {
        invitations.addElement(invitation);
        invitationList.setSelectedValue(invitation, true);
        say(invitation.fromUserId() + " invites you to co-host.");
    }

    @Override
    public void invitationClosed(Invitation invitation, String words) {
        invitations.removeElement(invitation);
        say(words);
    }

    @Override
    public void participantJoined(String userId) {
        if (!participants.contains(userId)) {
            participants.addElement(userId);
        }
        say(userId + " joined the mix.");
    }

    @Override
    public void participantLeft(String userId) {
        participants.removeElement(userId);
        say(userId + " left the mix.");
    }

    @Override
    public void error(String words) {
        fail(words);
    }

    private void say(String words) {
        message.setText(words);
        message.setToolTipText(words);
    }

    private void fail(String words) {
        say(words);
        errors.accept(words);
    }
}
