package io.livepush.cohost.client;

import io.livepush.capture.AudioSource;
import io.livepush.capture.VideoSource;
import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.SessionMessage;
import io.livepush.cohost.protocol.SignalMessage;
import io.livepush.cohost.rtc.RtcRuntime;
import io.livepush.cohost.token.CohostAuthException;
import io.livepush.cohost.token.CohostToken;
import io.livepush.publisher.stream.LiveStream;
import io.netty.channel.Channel;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CohostSession} behind {@link CohostClient}: says hello, routes each server message to
 * the part that owns its subject, and ends them all when the connection goes. The parts:
 * {@link SignalingSocket} (the WebSocket and its Netty thread {@code livepush-cohost-io-N}),
 * {@link InvitationBook} (invitations both ways), {@link MixMembership} (join, leave, kick, the
 * WebRTC leg and its {@link MediaPump}) and {@link HostHandover} (the audience key, on
 * {@code livepush-cohost-handover-N}). Their state is owned by the {@link SessionThread}
 * {@code livepush-cohost-client-N}, which also completes the futures and calls the listener.
 * {@link #close()} closes the leg, the socket and the threads (and the runtime, when the session made it).
 */
final class DefaultCohostSession implements CohostSession {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCohostSession.class);
    private static final AtomicInteger SERIALS = new AtomicInteger();

    private final int serial = SERIALS.incrementAndGet();
    private final String token;
    private final CohostListener listener;
    private final SessionThread thread;
    private final SignalingSocket socket;
    private final InvitationBook invitations;
    private final MixMembership membership;
    private final HostHandover handover;
    private final CompletableFuture<CohostSession> connected = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile String userId;
    private volatile CohostToken.Role role;
    // Session-thread state.
    private boolean welcomed;

    private DefaultCohostSession(URI uri, String token, CohostListener listener, RtcRuntime runtime) {
        this.token = token;
        this.listener = listener;
        this.thread = new SessionThread(serial);
        this.socket = new SignalingSocket(uri, serial);
        this.invitations = new InvitationBook(thread, socket::send, listener);
        this.membership = new MixMembership(thread, socket::send, listener, runtime, serial);
        this.handover = new HostHandover(thread, socket::send, serial);
    }

    static CompletableFuture<CohostSession> open(URI uri, String token, CohostListener listener, RtcRuntime runtime) {
        DefaultCohostSession s = new DefaultCohostSession(uri, token, listener, runtime);
        s.socket.connect(() -> new ClientFrameHandler(s), s::fail);
        return s.connected.copy();
    }

    private void fail(CohostException e) {
        connected.completeExceptionally(e);
        shutdownThreads();
    }

    // ---- from the Netty event loop ----

    /** The WebSocket is up: say hello on it. */
    void handshakeComplete(Channel ch) {
        socket.handshakeComplete(ch);
        socket.send(new SessionMessage.Hello(token));
    }

    void received(SignalMessage m) {
        thread.execute(() -> handle(m));
    }

    void undecodable(CohostException e) {
        thread.execute(() -> notifyError(e));
    }

    void channelClosed(Throwable cause) {
        thread.execute(() -> closedNow(cause));
    }

    // ---- the public API ----

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public CohostToken.Role role() {
        return role;
    }

    @Override
    public CompletableFuture<InvitationOutcome> invite(String toUserId) {
        return invitations.invite(toUserId);
    }

    @Override
    public CompletableFuture<Void> cancel(String invitationId) {
        return invitations.cancel(invitationId);
    }

    @Override
    public CompletableFuture<Void> join(VideoSource video, AudioSource audio) {
        return membership.join(video, audio,
                () -> role == CohostToken.Role.HOST ? null : invitations.acceptedInvitationId());
    }

    @Override
    public CompletableFuture<Void> leave() {
        return membership.leave();
    }

    @Override
    public CompletableFuture<Void> kick(String kickedUserId) {
        return membership.kick(kickedUserId);
    }

    @Override
    public void sendSei(byte[] payload) {
        membership.sendSei(payload);
    }

    @Override
    public CompletableFuture<AudienceSwitch> handOverToMix(LiveStream hostStream, Supplier<LiveStream> hostRestart,
            Duration timeout) {
        return handover.toMix(hostStream, hostRestart, timeout);
    }

    @Override
    public CompletableFuture<AudienceSwitch> returnToHost(Supplier<LiveStream> hostStream, Duration timeout) {
        return handover.toHost(hostStream, timeout);
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        socket.close();
        thread.execute(() -> closedNow(null));
        shutdownThreads();
    }

    // ---- the session thread ----

    private void handle(SignalMessage m) {
        if (thread.over()) {
            return;
        }
        if (m instanceof SessionMessage.Welcome w) {
            userId = w.userId();
            role = w.role();
            welcomed = true;
            LOG.debug("session {} welcomed as {} ({}) in {}", serial, w.userId(), w.role(), w.roomId());
            connected.complete(this);
        } else if (m instanceof SessionMessage.Error e) {
            refused(e);
        } else if (!invitations.handle(m) && !membership.handle(m, userId) && !handover.handle(m)) {
            notifyError(new CohostException(CohostErrorCode.UNKNOWN_MESSAGE, "the server sent " + m.type() + ", a client message"));
        }
    }

    /** A typed refusal: fails the call it answers, or goes to the listener when none waits for it. */
    private void refused(SessionMessage.Error e) {
        CohostException ex = switch (e.code()) {
            case UNAUTHORIZED, FORGED_TOKEN, TOKEN_EXPIRED ->
                    new CohostAuthException(CohostAuthException.AuthFailure.of(e.code()), e.message());
            default -> new CohostException(e.code(), e.message());
        };
        if (!welcomed) {
            connected.completeExceptionally(ex);
            return;
        }
        String type = e.inReplyToType();
        String subject = e.inReplyToSubject();
        boolean answered = type != null && (invitations.refused(type, subject, ex)
                || membership.refused(type, subject, ex) || handover.refused(type, ex));
        if (!answered) {
            notifyError(ex);
        }
    }

    private void closedNow(Throwable cause) {
        if (thread.over()) {
            return;
        }
        thread.end();
        membership.close();
        CohostException gone = new CohostException(CohostErrorCode.INTERNAL,
                "the signaling connection closed" + (cause == null ? "" : ": " + cause));
        connected.completeExceptionally(gone);
        handover.failAll(gone);
        invitations.failAll(gone);
        membership.failAll(gone);
        if (welcomed) {
            SessionThread.notifyListener(listener::onClosed);
        }
        if (!closing.get()) {
            shutdownThreads();
        }
    }

    private void notifyError(CohostException e) {
        SessionThread.notifyListener(() -> listener.onError(e));
    }

    private void shutdownThreads() {
        socket.shutdown();
        handover.shutdown();
        thread.shutdown();
    }

    @Override
    public String toString() {
        return "CohostSession#" + serial + "[" + userId + ", " + role + "]";
    }
}
