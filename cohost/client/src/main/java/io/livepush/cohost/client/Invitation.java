package io.livepush.cohost.client;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An invitation this guest received. {@link #accept()} and {@link #decline()} send the answer; the
 * server decides (an invitation that expired, was cancelled or already answered is refused with
 * {@code INVITATION_EXPIRED}, {@code INVITATION_CANCELLED} or {@code INVITATION_USED}, which the
 * returned future carries as a {@link io.livepush.cohost.CohostException}).
 */
public final class Invitation {
    private final String id;
    private final String fromUserId;
    private final String roomId;
    private final Instant expiresAt;
    private final InvitationBook book;
    final CompletableFuture<InvitationOutcome> outcome = new CompletableFuture<>();

    Invitation(String id, String fromUserId, String roomId, Instant expiresAt, InvitationBook book) {
        this.id = Objects.requireNonNull(id, "id");
        this.fromUserId = Objects.requireNonNull(fromUserId, "fromUserId");
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.book = book;
    }

    /** @return the invitation id */
    public String id() {
        return id;
    }

    /** @return the inviting host */
    public String fromUserId() {
        return fromUserId;
    }

    /** @return the room it opens */
    public String roomId() {
        return roomId;
    }

    /** @return when it expires unanswered */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Accepts; afterwards {@link CohostSession#join} enters the mix with this invitation.
     *
     * @return completes when the server confirmed, or exceptionally with the refusal
     */
    public CompletableFuture<Void> accept() {
        return book.answer(id, true);
    }

    /** @return completes when the server confirmed the decline, or exceptionally with the refusal */
    public CompletableFuture<Void> decline() {
        return book.answer(id, false);
    }

    /** @return completes with how the invitation ended, as the server reported it */
    public CompletableFuture<InvitationOutcome> outcome() {
        return outcome.copy();
    }

    @Override
    public String toString() {
        return "Invitation[" + id + " from " + fromUserId + " to room " + roomId + " until " + expiresAt + "]";
    }
}
