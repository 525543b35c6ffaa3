package io.livepush.examples.cohost;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.client.CohostListener;
import io.livepush.cohost.client.Invitation;
import java.util.concurrent.CompletableFuture;

/**
 * Prints a participant's co-host events, prefixed with its name, hands the first invitation to the
 * main thread through {@link #invitation()} (listeners must not block) and notes when this user is
 * out of the mix. Called on the session's thread.
 */
final class ConsoleListener implements CohostListener {
    private final String name;
    private final CompletableFuture<Invitation> invitation = new CompletableFuture<>();
    private volatile boolean outOfTheMix;

    ConsoleListener(String name) {
        this.name = name;
    }

    /** @return completes with the first invitation this user receives */
    CompletableFuture<Invitation> invitation() {
        return invitation;
    }

    /** @return true once this user was removed from the mix or the connection closed */
    boolean outOfTheMix() {
        return outOfTheMix;
    }

    void print(String line) {
        System.out.println(name + ": " + line);
        System.out.flush();
    }

    @Override
    public void onInvited(Invitation inv) {
        print("invited by " + inv.fromUserId() + " (invitation " + inv.id() + ", expires " + inv.expiresAt() + ")");
        invitation.complete(inv);
    }

    @Override
    public void onParticipantJoined(String userId) {
        print(userId + " joined the mix");
    }

    @Override
    public void onParticipantLeft(String userId) {
        print(userId + " left the mix");
    }

    @Override
    public void onKicked() {
        outOfTheMix = true;
        print("removed from the mix by the host");
    }

    @Override
    public void onError(CohostException error) {
        print("error " + error.code() + ": " + error.getMessage());
    }

    @Override
    public void onClosed() {
        outOfTheMix = true;
        print("signaling connection closed");
        invitation.completeExceptionally(new IllegalStateException("the signaling connection closed"));
    }
}
