package io.livepush.cohost.server.signaling;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.client.CohostListener;
import io.livepush.cohost.client.Invitation;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a session's events as strings ("joined:bob", "kicked", ...) and its invitations; checks the thread. */
final class RecordingListener implements CohostListener {
    final BlockingQueue<Invitation> invitations = new LinkedBlockingQueue<>();
    final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    volatile String badThread;

    private void check() {
        String name = Thread.currentThread().getName();
        if (!name.startsWith("livepush-cohost-client-")) {
            badThread = name;
        }
    }

    @Override
    public void onInvited(Invitation inv) {
        check();
        invitations.add(inv);
    }

    @Override
    public void onInvitationSent(String invitationId, String toUserId, Instant expiresAt) {
        check();
        sent.add(invitationId);
    }

    @Override
    public void onParticipantJoined(String userId) {
        check();
        events.add("joined:" + userId);
    }

    @Override
    public void onParticipantLeft(String userId) {
        check();
        events.add("left:" + userId);
    }

    @Override
    public void onKicked() {
        check();
        events.add("kicked");
    }

    @Override
    public void onError(CohostException e) {
        check();
        events.add("error:" + e.code());
    }

    @Override
    public void onClosed() {
        check();
        events.add("closed");
    }

    Invitation nextInvitation() throws InterruptedException {
        return invitations.poll(5, TimeUnit.SECONDS);
    }

    String nextEvent() throws InterruptedException {
        return events.poll(5, TimeUnit.SECONDS);
    }
}
