package io.livepush.examples.desktop;

import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.client.InvitationOutcome;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.swing.SwingUtilities;

/** Test view: records each call as {@code "method: words"}, checking it comes on the event dispatch thread. */
final class RecordingCohostView implements CohostView {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    volatile Invitation lastInvitation;

    private void add(String e) {
        events.add(SwingUtilities.isEventDispatchThread() ? e : "NOT ON THE EDT: " + e);
    }

    /** Waits for the first event the predicate accepts, skipping others; fails after the timeout. */
    String await(Predicate<String> p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e == null) {
                continue;
            }
            if (e.startsWith("NOT ON THE EDT")) {
                throw new AssertionError(e);
            }
            if (p.test(e)) {
                return e;
            }
            seen.append("\n  ").append(e);
        }
        throw new AssertionError("no " + what + " within 5 s; seen:" + seen);
    }

    @Override
    public void connecting(String server) {
        add("connecting: " + server);
    }

    @Override
    public void connected(String userId, String role) {
        add("connected: " + userId + " " + role);
    }

    @Override
    public void disconnected() {
        add("disconnected");
    }

    @Override
    public void invitationSent(String toUserId) {
        add("sent: " + toUserId);
    }

    @Override
    public void invitationEnded(String toUserId, InvitationOutcome outcome) {
        add("ended: " + toUserId + " " + outcome);
    }

    @Override
    public void invited(Invitation invitation) {
        lastInvitation = invitation;
        add("invited: from " + invitation.fromUserId());
    }

    @Override
    public void invitationClosed(Invitation invitation, String words) {
        add("closed: " + words);
    }

    @Override
    public void participantJoined(String userId) {
        add("joined: " + userId);
    }

    @Override
    public void participantLeft(String userId) {
        add("left: " + userId);
    }

    @Override
    public void error(String words) {
        add("error: " + words);
    }
}
