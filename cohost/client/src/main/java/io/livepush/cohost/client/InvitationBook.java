package io.livepush.cohost.client;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.InvitationMessage;
import io.livepush.cohost.protocol.SignalMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A co-host session's invitations, both ways: those this host sent ({@code invite}, {@code cancel},
 * completed by {@code invited} and {@code inviteResult}) and those this guest received (answered
 * with {@code accept} / {@code decline}), and the invitation last accepted, which {@code join}
 * names. Every field is owned by the {@link SessionThread}; the public calls hop onto it.
 */
final class InvitationBook {
    private final SessionThread thread;
    private final Consumer<SignalMessage> send;
    private final CohostListener listener;
    // Session-thread state.
    private final Map<String, Deque<CompletableFuture<InvitationOutcome>>> sentByUser = new HashMap<>();
    private final Map<String, CompletableFuture<InvitationOutcome>> sentById = new HashMap<>();
    private final Map<String, Invitation> received = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> answers = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> cancels = new HashMap<>();
    private String acceptedInvitationId;

    /**
     * @param thread the session thread
     * @param send sends a message on the socket; called on the session thread
     * @param listener the application's listener
     */
    InvitationBook(SessionThread thread, Consumer<SignalMessage> send, CohostListener listener) {
        this.thread = thread;
        this.send = send;
        this.listener = listener;
    }

    /** @see CohostSession#invite(String) */
    CompletableFuture<InvitationOutcome> invite(String toUserId) {
        InvitationMessage.Invite m = new InvitationMessage.Invite(toUserId);
        CompletableFuture<InvitationOutcome> f = new CompletableFuture<>();
        thread.call(f, () -> {
            sentByUser.computeIfAbsent(toUserId, u -> new ArrayDeque<>()).add(f);
            send.accept(m);
        });
        return f;
    }

    /** @see CohostSession#cancel(String) */
    CompletableFuture<Void> cancel(String invitationId) {
        InvitationMessage.Cancel m = new InvitationMessage.Cancel(invitationId);
        CompletableFuture<Void> f = new CompletableFuture<>();
        thread.call(f, () -> {
            SessionThread.replace(cancels.put(invitationId, f));
            send.accept(m);
        });
        return f;
    }

    /** @see Invitation#accept() */
    CompletableFuture<Void> answer(String invitationId, boolean accept) {
        SignalMessage m = accept ? new InvitationMessage.Accept(invitationId) : new InvitationMessage.Decline(invitationId);
        CompletableFuture<Void> f = new CompletableFuture<>();
        thread.call(f, () -> {
            SessionThread.replace(answers.put(invitationId, f));
            send.accept(m);
        });
        return f;
    }

    /** @return the id of the invitation this guest last saw accepted, or null; session thread */
    String acceptedInvitationId() {
        return acceptedInvitationId;
    }

    /**
     * Takes an invitation message from the server; session thread.
     *
     * @return false when {@code m} is not about invitations
     */
    boolean handle(SignalMessage m) {
        if (m instanceof InvitationMessage.Invited i) {
            Deque<CompletableFuture<InvitationOutcome>> q = sentByUser.get(i.toUserId());
            CompletableFuture<InvitationOutcome> f = q == null ? null : q.poll();
            if (f != null) {
                sentById.put(i.invitationId(), f);
            }
            SessionThread.notifyListener(() -> listener.onInvitationSent(i.invitationId(), i.toUserId(),
                    Instant.ofEpochMilli(i.expiresAtMs())));
        } else if (m instanceof InvitationMessage.Invitation i) {
            Invitation inv = new Invitation(i.invitationId(), i.fromUserId(), i.roomId(),
                    Instant.ofEpochMilli(i.expiresAtMs()), this);
            received.put(inv.id(), inv);
            SessionThread.notifyListener(() -> listener.onInvited(inv));
        } else if (m instanceof InvitationMessage.InviteResult r) {
            ended(r.invitationId(), InvitationOutcome.valueOf(r.outcome().name()));
        } else {
            return false;
        }
        return true;
    }

    private void ended(String id, InvitationOutcome outcome) {
        CompletableFuture<InvitationOutcome> sent = sentById.remove(id);
        if (sent != null) {
            sent.complete(outcome);
        }
        Invitation inv = received.remove(id);
        if (inv != null) {
            inv.outcome.complete(outcome);
        }
        CompletableFuture<Void> answered = answers.remove(id);
        if (outcome == InvitationOutcome.ACCEPTED && (answered != null || inv != null)) {
            acceptedInvitationId = id;
        }
        if (answered != null && (outcome == InvitationOutcome.ACCEPTED || outcome == InvitationOutcome.DECLINED)) {
            answered.complete(null);
        } else if (answered != null) {
            answers.put(id, answered); // the server's refusal of the answer follows
        }
        CompletableFuture<Void> cancelled = cancels.remove(id);
        if (cancelled != null) {
            cancelled.complete(null);
        }
    }

    /**
     * The server refused a message; session thread.
     *
     * @param type the refused message's type
     * @param subject the user or invitation it named
     * @return false when no invitation call was waiting for that answer
     */
    boolean refused(String type, String subject, CohostException e) {
        CompletableFuture<?> f = null;
        if ("invite".equals(type)) {
            Deque<CompletableFuture<InvitationOutcome>> q = sentByUser.get(subject);
            f = q == null ? null : q.poll();
        } else if ("accept".equals(type) || "decline".equals(type)) {
            f = answers.remove(subject);
        } else if ("cancel".equals(type)) {
            f = cancels.remove(subject);
        }
        if (f == null) {
            return false;
        }
        f.completeExceptionally(e);
        return true;
    }

    /** The connection is gone: fails every pending call and received invitation; session thread. */
    void failAll(CohostException gone) {
        sentByUser.values().forEach(q -> q.forEach(f -> f.completeExceptionally(gone)));
        sentById.values().forEach(f -> f.completeExceptionally(gone));
        answers.values().forEach(f -> f.completeExceptionally(gone));
        cancels.values().forEach(f -> f.completeExceptionally(gone));
        received.values().forEach(i -> i.outcome.completeExceptionally(gone));
    }
}
