package io.livepush.examples.desktop;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostListener;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.Invitation;
import java.net.URI;
import java.util.Objects;
import javax.swing.SwingUtilities;

/**
 * The co-host panel's presenter: one {@link CohostSession} with the signaling server, its invitations
 * and the participants in the mix. Every SDK call returns at once (futures); the session's events come
 * on its own thread and reach the {@link CohostView} on the event dispatch thread. Independent of the
 * RTMP stream: nothing here can stop it. {@link #close()} closes the session; idempotent.
 */
public final class CohostController implements AutoCloseable {
    private final CohostView view;
    private volatile CohostSession session;
    private volatile boolean connecting;

    /** @param view told of every change, on the event dispatch thread */
    public CohostController(CohostView view) {
        this.view = Objects.requireNonNull(view, "view");
    }

    /**
     * Connects and signs in with the token. Bad fields throw at once with words.
     *
     * @param serverText the server field as typed, e.g. {@code ws://127.0.0.1:8443/cohost}
     * @param tokenText the token field as typed
     * @throws IllegalArgumentException for a bad address or token
     * @throws IllegalStateException when already connected or connecting
     */
    public void connect(String serverText, String tokenText) {
        URI uri = CohostFields.serverUri(serverText);
        String token = CohostFields.token(tokenText);
        if (session != null || connecting) {
            throw new IllegalStateException("Already connected to a co-host server (disconnect first).");
        }
        connecting = true;
        ui(() -> view.connecting(uri.toString()));
        CohostClient.connect(uri, token, new Events()).whenComplete((s, error) -> {
            connecting = false;
            if (error != null) {
                ui(() -> {
                    view.error(ErrorMessages.describe(error));
                    view.disconnected();
                });
                return;
            }
            session = s;
            ui(() -> view.connected(s.userId(), s.role().name()));
        });
    }

    /**
     * Invites a user (host only; the server refuses guests with words shown in the panel).
     *
     * @param userText the user id field as typed
     * @throws IllegalArgumentException for a bad user id
     * @throws IllegalStateException when not connected
     */
    public void invite(String userText) {
        String user = CohostFields.userId(userText);
        CohostSession s = requireSession();
        s.invite(user).whenComplete((outcome, error) -> ui(() -> {
            if (error != null) {
                view.error(ErrorMessages.describe(error));
            } else {
                view.invitationEnded(user, outcome);
            }
        }));
    }

    /**
     * Accepts an invitation this user received; the answer reaches the view as
     * {@link CohostView#invitationClosed}.
     *
     * @param invitation one the view was given by {@link CohostView#invited}, not null
     * @throws IllegalStateException when not connected
     */
    public void accept(Invitation invitation) {
        answer(invitation, true);
    }

    /**
     * Declines an invitation this user received; the answer reaches the view as
     * {@link CohostView#invitationClosed}.
     *
     * @param invitation one the view was given by {@link CohostView#invited}, not null
     * @throws IllegalStateException when not connected
     */
    public void decline(Invitation invitation) {
        answer(invitation, false);
    }

    private void answer(Invitation invitation, boolean accept) {
        Objects.requireNonNull(invitation, "invitation");
        requireSession();
        (accept ? invitation.accept() : invitation.decline()).whenComplete((ok, error) -> ui(() -> {
            if (error != null) {
                view.invitationClosed(invitation, ErrorMessages.describe(error));
            } else {
                view.invitationClosed(invitation, (accept ? "Accepted" : "Declined") + " the invitation from "
                        + invitation.fromUserId() + ".");
            }
        }));
    }

    /** @return true while signed in */
    public boolean connected() {
        return session != null;
    }

    private CohostSession requireSession() {
        CohostSession s = session;
        if (s == null) {
            throw new IllegalStateException("Not connected to a co-host server (press Connect first).");
        }
        return s;
    }

    /** Disconnects; idempotent. */
    @Override
    public void close() {
        CohostSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }

    private static void ui(Runnable r) {
        SwingUtilities.invokeLater(r);
    }

    /** The session's events (on its own thread), passed on to the view. */
    private final class Events implements CohostListener {
        @Override
        public void onInvited(Invitation invitation) {
            ui(() -> view.invited(invitation));
            invitation.outcome().whenComplete((outcome, error) -> {
                if (outcome != null && outcome != io.livepush.cohost.client.InvitationOutcome.ACCEPTED
                        && outcome != io.livepush.cohost.client.InvitationOutcome.DECLINED) {
                    ui(() -> view.invitationClosed(invitation, "The invitation from " + invitation.fromUserId()
                            + " ended: " + outcome.name().toLowerCase(java.util.Locale.ROOT) + "."));
                }
            });
        }

        @Override
        public void onInvitationSent(String invitationId, String toUserId, java.time.Instant expiresAt) {
            ui(() -> view.invitationSent(toUserId));
        }

        @Override
        public void onParticipantJoined(String userId) {
            ui(() -> view.participantJoined(userId));
        }

        @Override
        public void onParticipantLeft(String userId) {
            ui(() -> view.participantLeft(userId));
        }

        @Override
        public void onKicked() {
            ui(() -> view.error("The host removed you from the mix."));
        }

        @Override
        public void onError(CohostException error) {
            ui(() -> view.error(ErrorMessages.describe(error)));
        }

        @Override
        public void onClosed() {
            session = null;
            ui(view::disconnected);
        }
    }
}
