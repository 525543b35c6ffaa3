package io.livepush.cohost.client;

import io.livepush.capture.AudioSource;
import io.livepush.capture.VideoSource;
import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.SeiDataMessage;
import io.livepush.cohost.protocol.SignalCodec;
import io.livepush.cohost.protocol.SignalMessage;
import io.livepush.cohost.rtc.LegSignaling;
import io.livepush.cohost.rtc.PublishingLeg;
import io.livepush.cohost.rtc.RtcRuntime;
import io.livepush.cohost.token.CohostAuthException;
import io.livepush.cohost.token.CohostToken;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.livepush.publisher.stream.LiveStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CohostSession} behind {@link CohostClient}. Threads: {@code livepush-cohost-io-N} (Netty)
 * owns the socket; {@code livepush-cohost-client-N} owns every field below, completes the futures and
 * calls the listener; a {@link MediaPump} feeds the leg while joined. {@link #close()} closes the leg,
 * the socket and both threads (and the runtime, when the session made it).
 */
final class DefaultCohostSession implements CohostSession {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCohostSession.class);
    private static final AtomicInteger SERIALS = new AtomicInteger();
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final int serial = SERIALS.incrementAndGet();
    private final URI uri;
    private final String token;
    private final CohostListener listener;
    private final RtcRuntime givenRuntime;
    private final ExecutorService thread;
    private final EventLoopGroup group;
    private final ExecutorService handoverThread;
    private final AtomicBoolean handingOver = new AtomicBoolean();
    private final RemoteMix remoteMix;
    private final CompletableFuture<CohostSession> connected = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Channel channel;
    private volatile MediaPump pump;
    private volatile String userId;
    private volatile CohostToken.Role role;

    // Session-thread state.
    private boolean welcomed;
    private boolean over;
    private final Map<String, Deque<CompletableFuture<InvitationOutcome>>> invitesByUser = new HashMap<>();
    private final Map<String, CompletableFuture<InvitationOutcome>> invitesById = new HashMap<>();
    private final Map<String, Invitation> received = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> answers = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> cancels = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> kicks = new HashMap<>();
    private CompletableFuture<Void> joining;
    private CompletableFuture<Void> leaving;
    private String acceptedInvitationId;
    private VideoSource joinVideo;
    private AudioSource joinAudio;
    private PublishingLeg leg;
    private RtcRuntime ownRuntime;

    private DefaultCohostSession(URI uri, String token, CohostListener listener, RtcRuntime runtime) {
        this.uri = uri;
        this.token = token;
        this.listener = listener;
        this.givenRuntime = runtime;
        this.thread = Executors.newSingleThreadExecutor(new DefaultThreadFactory("livepush-cohost-client-" + serial, true));
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("livepush-cohost-io-" + serial, true));
        this.handoverThread = Executors.newSingleThreadExecutor(
                new DefaultThreadFactory("livepush-cohost-handover-" + serial, true));
        this.remoteMix = new RemoteMix(this::run, this::send);
    }

    static CompletableFuture<CohostSession> open(URI uri, String token, CohostListener listener, RtcRuntime runtime) {
        DefaultCohostSession s = new DefaultCohostSession(uri, token, listener, runtime);
        s.connect();
        return s.connected.copy();
    }

    private void connect() {
        boolean tls = uri.getScheme().equalsIgnoreCase("wss");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        SslContext ssl;
        try {
            ssl = tls ? SslContextBuilder.forClient().build() : null;
        } catch (javax.net.ssl.SSLException e) {
            fail(new CohostException(CohostErrorCode.INTERNAL, "cannot set up TLS: " + e.getMessage(), e));
            return;
        }
        WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).maxFramePayloadLength(MAX_MESSAGE_BYTES).handshakeTimeoutMillis(10_000).build();
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (ssl != null) {
                            p.addLast("tls", ssl.newHandler(ch.alloc(), uri.getHost(), port));
                        }
                        p.addLast("http", new HttpClientCodec());
                        p.addLast("http-aggregator", new HttpObjectAggregator(8 * 1024));
                        p.addLast("websocket", new WebSocketClientProtocolHandler(ws));
                        p.addLast("ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
                        p.addLast("session", new ClientFrameHandler(DefaultCohostSession.this));
                    }
                });
        b.connect(uri.getHost(), port).addListener(f -> {
            if (f.isSuccess()) {
                channel = ((io.netty.channel.ChannelFuture) f).channel();
            } else {
                fail(new CohostException(CohostErrorCode.INTERNAL, "cannot connect to " + uri + ": " + f.cause(), f.cause()));
            }
        });
    }

    private void fail(CohostException e) {
        connected.completeExceptionally(e);
        shutdownThreads();
    }

    // ---- from the Netty event loop ----

    /**
     * The WebSocket is up: say hello on it. The channel is taken from the handler, not from the
     * connect future's listener, which may run after the handshake has already completed.
     */
    void handshakeComplete(Channel ch) {
        channel = ch;
        send(new SignalMessage.Hello(token));
    }

    void received(SignalMessage m) {
        run(() -> handle(m));
    }

    void undecodable(CohostException e) {
        run(() -> notifyError(e));
    }

    void channelClosed(Throwable cause) {
        run(() -> closedNow(cause));
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
        SignalMessage.Invite m = new SignalMessage.Invite(toUserId);
        CompletableFuture<InvitationOutcome> f = new CompletableFuture<>();
        call(f, () -> {
            invitesByUser.computeIfAbsent(toUserId, u -> new ArrayDeque<>()).add(f);
            send(m);
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> cancel(String invitationId) {
        SignalMessage.Cancel m = new SignalMessage.Cancel(invitationId);
        CompletableFuture<Void> f = new CompletableFuture<>();
        call(f, () -> {
            replace(cancels.put(invitationId, f));
            send(m);
        });
        return f;
    }

    CompletableFuture<Void> answer(String invitationId, boolean accept) {
        SignalMessage m = accept ? new SignalMessage.Accept(invitationId) : new SignalMessage.Decline(invitationId);
        CompletableFuture<Void> f = new CompletableFuture<>();
        call(f, () -> {
            replace(answers.put(invitationId, f));
            send(m);
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> join(VideoSource video, AudioSource audio) {
        Objects.requireNonNull(video, "video");
        if (audio != null && audio.format().sampleRate() != 48_000) {
            throw new IllegalArgumentException("audio source runs at " + audio.format().sampleRate()
                    + " Hz (expected 48000 Hz for the WebRTC leg)");
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        call(f, () -> {
            if (joining != null || leg != null) {
                f.completeExceptionally(new IllegalStateException("already joined or joining"));
                return;
            }
            joining = f;
            joinVideo = video;
            joinAudio = audio;
            send(new SignalMessage.Join(role == CohostToken.Role.HOST ? null : acceptedInvitationId));
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> leave() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        call(f, () -> {
            replace(leaving);
            leaving = f;
            send(new SignalMessage.Leave());
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> kick(String kickedUserId) {
        SignalMessage.Kick m = new SignalMessage.Kick(kickedUserId);
        CompletableFuture<Void> f = new CompletableFuture<>();
        call(f, () -> {
            replace(kicks.put(kickedUserId, f));
            send(m);
        });
        return f;
    }

    @Override
    public void sendSei(byte[] payload) {
        new SeiDataMessage(-1, payload); // validates 1..255 bytes
        MediaPump p = pump;
        if (p == null) {
            throw new IllegalStateException("not co-hosting: join() before sending SEI");
        }
        p.queueSei(payload.clone());
    }

    @Override
    public CompletableFuture<AudienceSwitch> handOverToMix(LiveStream hostStream, Supplier<LiveStream> hostRestart,
            Duration timeout) {
        Objects.requireNonNull(hostStream, "hostStream");
        Objects.requireNonNull(hostRestart, "hostRestart");
        AudienceRelay.requireTimeout(timeout);
        return handover(() -> AudienceRelay.toMix(hostStream, remoteMix, hostRestart, timeout));
    }

    @Override
    public CompletableFuture<AudienceSwitch> returnToHost(Supplier<LiveStream> hostStream, Duration timeout) {
        Objects.requireNonNull(hostStream, "hostStream");
        AudienceRelay.requireTimeout(timeout);
        return handover(() -> AudienceRelay.toHost(remoteMix, hostStream, timeout));
    }

    /** A blocking relay step list, on the handover thread so the session thread stays free for the answers. */
    private interface Relay {
        AudienceSwitch run() throws Exception;
    }

    private CompletableFuture<AudienceSwitch> handover(Relay relay) {
        CompletableFuture<AudienceSwitch> f = new CompletableFuture<>();
        if (!handingOver.compareAndSet(false, true)) {
            f.completeExceptionally(new IllegalStateException("a handover of the audience key is already running"));
            return f;
        }
        try {
            handoverThread.execute(() -> {
                try {
                    f.complete(relay.run());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    f.completeExceptionally(e);
                } catch (Exception e) {
                    f.completeExceptionally(e);
                } finally {
                    handingOver.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            handingOver.set(false);
            f.completeExceptionally(new CohostException(CohostErrorCode.INTERNAL, "the session is closed"));
        }
        return f;
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        Channel ch = channel;
        if (ch != null) {
            ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        run(() -> closedNow(null));
        shutdownThreads();
    }

    // ---- the session thread ----

    private void handle(SignalMessage m) {
        if (over) {
            return;
        }
        if (m instanceof SignalMessage.Welcome w) {
            userId = w.userId();
            role = w.role();
            welcomed = true;
            LOG.debug("session {} welcomed as {} ({}) in {}", serial, w.userId(), w.role(), w.roomId());
            connected.complete(this);
        } else if (m instanceof SignalMessage.Error e) {
            refused(e);
        } else if (m instanceof SignalMessage.Invited i) {
            Deque<CompletableFuture<InvitationOutcome>> q = invitesByUser.get(i.toUserId());
            CompletableFuture<InvitationOutcome> f = q == null ? null : q.poll();
            if (f != null) {
                invitesById.put(i.invitationId(), f);
            }
            notify(() -> listener.onInvitationSent(i.invitationId(), i.toUserId(), Instant.ofEpochMilli(i.expiresAtMs())));
        } else if (m instanceof SignalMessage.Invitation i) {
            Invitation inv = new Invitation(i.invitationId(), i.fromUserId(), i.roomId(),
                    Instant.ofEpochMilli(i.expiresAtMs()), this);
            received.put(inv.id(), inv);
            notify(() -> listener.onInvited(inv));
        } else if (m instanceof SignalMessage.InviteResult r) {
            ended(r.invitationId(), InvitationOutcome.valueOf(r.outcome().name()));
        } else if (m instanceof SignalMessage.Joined) {
            openLeg();
        } else if (m instanceof SignalMessage.Participant p) {
            participant(p);
        } else if (m instanceof SignalMessage.Kick) {
            closeLeg();
            failJoin(new CohostException(CohostErrorCode.NOT_INVITED, "kicked by the host"));
            notify(listener::onKicked);
        } else if (RemoteMix.isHandoverMessage(m)) {
            remoteMix.received(m);
        } else if (m instanceof SignalMessage.Answer a) {
            toLeg(() -> leg.setRemoteDescription("answer", a.sdp()));
        } else if (m instanceof SignalMessage.Ice i) {
            toLeg(() -> leg.addRemoteCandidate(i.sdpMid(), i.sdpMLineIndex(), i.candidate()));
        } else {
            notifyError(new CohostException(CohostErrorCode.UNKNOWN_MESSAGE, "the server sent " + m.type() + ", a client message"));
        }
    }

    private void ended(String id, InvitationOutcome outcome) {
        CompletableFuture<InvitationOutcome> sent = invitesById.remove(id);
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

    private void participant(SignalMessage.Participant p) {
        boolean self = p.userId().equals(userId);
        if (p.event() == SignalMessage.Participant.Event.JOINED) {
            if (!self) {
                notify(() -> listener.onParticipantJoined(p.userId()));
            }
            return;
        }
        if (self) {
            closeLeg();
            failJoin(new CohostException(CohostErrorCode.NOT_INVITED, "left the room before the leg connected"));
            if (leaving != null) {
                leaving.complete(null);
                leaving = null;
            }
            return;
        }
        CompletableFuture<Void> k = kicks.remove(p.userId());
        if (k != null) {
            k.complete(null);
        }
        notify(() -> listener.onParticipantLeft(p.userId()));
    }

    private void refused(SignalMessage.Error e) {
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
        CompletableFuture<?> f = null;
        if ("invite".equals(type)) {
            Deque<CompletableFuture<InvitationOutcome>> q = invitesByUser.get(subject);
            f = q == null ? null : q.poll();
        } else if ("accept".equals(type) || "decline".equals(type)) {
            f = answers.remove(subject);
        } else if ("cancel".equals(type)) {
            f = cancels.remove(subject);
        } else if ("kick".equals(type)) {
            f = kicks.remove(subject);
        } else if ("leave".equals(type)) {
            f = leaving;
            leaving = null;
        } else if (("join".equals(type) || "offer".equals(type) || "ice".equals(type)) && joining != null) {
            closeLeg();
            f = joining;
            joining = null;
        }
        if (f != null) {
            f.completeExceptionally(ex);
        } else if (type == null || !remoteMix.refused(type, ex)) {
            notifyError(ex);
        }
    }

    private void openLeg() {
        if (joining == null || leg != null) {
            return;
        }
        CompletableFuture<Void> f = joining;
        try {
            RtcRuntime rt = givenRuntime;
            if (rt == null) {
                if (ownRuntime == null) {
                    ownRuntime = RtcRuntime.create();
                }
                rt = ownRuntime;
            }
            LegSignaling signaling = new LegSignaling() {
                @Override
                public void sendDescription(String type, String sdp) {
                    if (!"offer".equals(type)) {
                        throw new IllegalArgumentException("a publishing leg sent a '" + type + "' (expected offer)");
                    }
                    send(new SignalMessage.Offer(sdp));
                }

                @Override
                public void sendCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
                    send(new SignalMessage.Ice(sdpMid, sdpMLineIndex, candidate));
                }
            };
            leg = PublishingLeg.open(rt, signaling, joinVideo.format().width(), joinVideo.format().height());
            pump = new MediaPump(leg, joinVideo, joinAudio, serial, e -> run(() -> notifyError(
                    new CohostException(CohostErrorCode.INTERNAL, "a source failed while co-hosting: " + e, e))));
            leg.connected().whenCompleteAsync((v, err) -> {
                if (joining != f) {
                    return;
                }
                joining = null;
                if (err == null) {
                    f.complete(null);
                } else {
                    f.completeExceptionally(new CohostException(CohostErrorCode.MIXER_UNAVAILABLE,
                            "the leg to the mixer did not connect: " + err.getMessage(), err));
                }
            }, this::run);
        } catch (RuntimeException e) {
            closeLeg();
            joining = null;
            send(new SignalMessage.Leave());
            f.completeExceptionally(new CohostException(CohostErrorCode.INTERNAL, "cannot open the WebRTC leg: " + e.getMessage(), e));
        }
    }

    private void toLeg(Runnable call) {
        if (leg == null) {
            return;
        }
        try {
            call.run();
        } catch (RuntimeException | Error e) { // webrtc-java reports a refused SDP as java.lang.Error
            if (e instanceof VirtualMachineError vm) {
                throw vm;
            }
            CohostException ex = new CohostException(CohostErrorCode.MIXER_UNAVAILABLE, "the mixer's answer was refused: " + e.getMessage(), e);
            if (joining != null) {
                closeLeg();
                failJoin(ex);
                send(new SignalMessage.Leave());
            } else {
                notifyError(ex);
            }
        }
    }

    private void closeLeg() {
        MediaPump p = pump;
        pump = null;
        if (p != null) {
            p.close();
        }
        if (leg != null) {
            leg.close();
            leg = null;
        }
    }

    private void failJoin(CohostException e) {
        if (joining != null) {
            joining.completeExceptionally(e);
            joining = null;
        }
    }

    private void closedNow(Throwable cause) {
        if (over) {
            return;
        }
        over = true;
        closeLeg();
        if (ownRuntime != null) {
            ownRuntime.close();
            ownRuntime = null;
        }
        CohostException gone = new CohostException(CohostErrorCode.INTERNAL,
                "the signaling connection closed" + (cause == null ? "" : ": " + cause));
        connected.completeExceptionally(gone);
        remoteMix.closed(gone);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        invitesByUser.values().forEach(pending::addAll);
        pending.addAll(invitesById.values());
        pending.addAll(answers.values());
        pending.addAll(cancels.values());
        pending.addAll(kicks.values());
        pending.add(joining);
        pending.add(leaving);
        received.values().forEach(i -> pending.add(i.outcome));
        for (CompletableFuture<?> f : pending) {
            if (f != null) {
                f.completeExceptionally(gone);
            }
        }
        if (welcomed) {
            notify(listener::onClosed);
        }
        if (!closing.get()) {
            shutdownThreads();
        }
    }

    // ---- helpers ----

    private void send(SignalMessage m) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new TextWebSocketFrame(SignalCodec.encode(m)));
        }
    }

    private void call(CompletableFuture<?> f, Runnable work) {
        try {
            thread.execute(() -> {
                if (over) {
                    f.completeExceptionally(new CohostException(CohostErrorCode.INTERNAL, "the session is closed"));
                } else {
                    work.run();
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new CohostException(CohostErrorCode.INTERNAL, "the session is closed"));
        }
    }

    private void run(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException closed) {
            LOG.debug("session {} closed; dropping work", serial);
        }
    }

    private static void replace(CompletableFuture<?> previous) {
        if (previous != null) {
            previous.completeExceptionally(new IllegalStateException("superseded by a newer call for the same subject"));
        }
    }

    private void notifyError(CohostException e) {
        notify(() -> listener.onError(e));
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("co-host listener threw", e);
        }
    }

    private void shutdownThreads() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        handoverThread.shutdown();
        thread.shutdown();
    }

    @Override
    public String toString() {
        return "CohostSession#" + serial + "[" + userId + ", " + role + "]";
    }
}
