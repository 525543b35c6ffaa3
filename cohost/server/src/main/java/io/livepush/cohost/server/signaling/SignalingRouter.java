package io.livepush.cohost.server.signaling;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.HandoverMessage;
import io.livepush.cohost.protocol.InvitationMessage.InviteResult.Outcome;
import io.livepush.cohost.protocol.InvitationMessage;
import io.livepush.cohost.protocol.MediaMessage;
import io.livepush.cohost.protocol.ParticipationMessage.Participant.Event;
import io.livepush.cohost.protocol.ParticipationMessage;
import io.livepush.cohost.protocol.SessionMessage;
import io.livepush.cohost.protocol.SignalMessage;
import io.livepush.cohost.token.CohostAuthException;
import io.livepush.cohost.token.CohostToken.Role;
import io.livepush.cohost.token.CohostToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling server's brain: authenticates sockets, runs the invitation registry, tracks who is a
 * participant of which room, hands joined participants' offers and candidates to the mixer, and
 * passes the audience key's handover messages to the {@link HandoverCoordinator}.
 * Every field is owned by the registry thread ({@code livepush-signaling-registry-N}); Netty handlers
 * only queue work onto it. Users are identified by their token's user id, one socket each: a second
 * socket of the same user replaces the first.
 */
final class SignalingRouter {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingRouter.class);

    private final SignalingConfig config;
    private final GatewayCalls gateway;
    private final HandoverCoordinator handover;
    private final ScheduledExecutorService thread;
    private final InvitationRegistry invitations = new InvitationRegistry();
    private final Map<String, SignalingConnection> users = new HashMap<>();

    SignalingRouter(SignalingConfig config, GatewayCalls gateway, HandoverCoordinator handover,
            ScheduledExecutorService thread) {
        this.config = config;
        this.gateway = gateway;
        this.handover = handover;
        this.thread = thread;
    }

    void opened(SignalingConnection c) {
        submit(() -> {
            long ms = config.helloTimeout().toMillis();
            c.helloTimer = thread.schedule(() -> {
                if (c.token == null && c.isOpen()) {
                    c.refuseAndClose(CohostErrorCode.UNAUTHORIZED, "no hello{token} within " + ms + " ms", null);
                }
            }, ms, TimeUnit.MILLISECONDS);
        });
    }

    void received(SignalingConnection c, SignalMessage m) {
        submit(() -> {
            try {
                handle(c, m);
            } catch (CohostException e) {
                LOG.debug("{} refused {}: {}", c, m.type(), e.toString());
                c.refuse(e.code(), e.getMessage(), m);
            } catch (RuntimeException e) {
                LOG.warn("{}: {} failed", c, m.type(), e);
                c.refuse(CohostErrorCode.INTERNAL, "the server failed to handle " + m.type(), m);
            }
        });
    }

    void closed(SignalingConnection c) {
        submit(() -> dropped(c));
    }

    /** Queues work on the registry thread; after the server closed, there is none to do. */
    private void submit(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException serverClosed) {
            LOG.debug("signaling server closed; dropping queued work");
        }
    }

    private void handle(SignalingConnection c, SignalMessage m) throws CohostException {
        if (c.gone) {
            return;
        }
        if (m instanceof SessionMessage.Hello h) {
            hello(c, h);
            return;
        }
        if (c.token == null) {
            c.refuseAndClose(CohostErrorCode.UNAUTHORIZED, "the first message must be hello{token}, not " + m.type(), m);
            return;
        }
        if (m instanceof InvitationMessage.Invite i) {
            invite(c, i.toUserId());
        } else if (m instanceof InvitationMessage.Accept a) {
            answer(c, a.invitationId(), true);
        } else if (m instanceof InvitationMessage.Decline d) {
            answer(c, d.invitationId(), false);
        } else if (m instanceof InvitationMessage.Cancel x) {
            requireHost(c, "cancel invitations");
            expireIfDue(x.invitationId());
            notifyResult(invitations.cancel(x.invitationId(), c.userId(), now()), Outcome.CANCELLED);
        } else if (m instanceof ParticipationMessage.Join j) {
            join(c, j.invitationId());
        } else if (m instanceof ParticipationMessage.Leave) {
            if (!c.participant) {
                throw new CohostException(CohostErrorCode.UNKNOWN_USER, "you are not a participant of room " + c.token.roomId());
            }
            removeParticipant(c);
        } else if (m instanceof ParticipationMessage.Kick k) {
            kick(c, k.userId());
        } else if (m instanceof MediaMessage.Offer o) {
            offer(c, o.sdp());
        } else if (m instanceof MediaMessage.Ice i) {
            if (!c.legOpened) {
                throw new CohostException(CohostErrorCode.NOT_INVITED, "join and send an offer before ICE candidates");
            }
            gateway.candidate(c.userId(), i.sdpMid(), i.sdpMLineIndex(), i.candidate());
        } else if (m instanceof HandoverMessage.HandoverRequest || m instanceof HandoverMessage.HostUnpublished
                || m instanceof HandoverMessage.ReturnRequest || m instanceof HandoverMessage.HostLive) {
            handover.handle(c, m);
        } else {
            throw new CohostException(CohostErrorCode.UNKNOWN_MESSAGE,
                    m.type() + " is sent by the server, not to it");
        }
    }

    private void hello(SignalingConnection c, SessionMessage.Hello h) throws CohostException {
        if (c.token != null) {
            throw new CohostException(CohostErrorCode.MALFORMED_MESSAGE, "hello was already received on this socket");
        }
        CohostToken token;
        try {
            token = config.tokenVerifier().verify(h.token());
        } catch (CohostAuthException e) {
            LOG.info("{} refused: {}", c, e.getMessage());
            c.refuseAndClose(e.code(), e.getMessage(), h);
            return;
        }
        if (c.helloTimer != null) {
            c.helloTimer.cancel(false);
        }
        c.token = token;
        SignalingConnection previous = users.put(token.userId(), c);
        if (previous != null && previous != c) {
            previous.refuseAndClose(CohostErrorCode.UNAUTHORIZED, "user " + token.userId() + " connected again on another socket", null);
            dropped(previous);
        }
        LOG.info("{} => welcome ({})", c, token.role());
        c.send(new SessionMessage.Welcome(token.userId(), token.role(), token.roomId()));
    }

    private void invite(SignalingConnection host, String guestId) throws CohostException {
        requireHost(host, "invite");
        SignalingConnection guest = users.get(guestId);
        if (guest == null || guest == host || !guest.token.roomId().equals(host.token.roomId())) {
            throw new CohostException(CohostErrorCode.UNKNOWN_USER,
                    "user " + guestId + " is not connected to room " + host.token.roomId());
        }
        Duration ttl = config.invitationTtl();
        InvitationRegistry.Entry e = invitations.create(host.token.roomId(), host.userId(), guestId, now(), ttl);
        scheduleExpiry(e.id, ttl.toMillis());
        long expiresAtMs = e.expiresAt.toEpochMilli();
        LOG.info("invitation {} {} -> {} => INVITED", e.id, host.userId(), guestId);
        host.send(new InvitationMessage.Invited(e.id, guestId, expiresAtMs));
        guest.send(new InvitationMessage.Invitation(e.id, host.userId(), e.roomId, expiresAtMs));
    }

    private void scheduleExpiry(String id, long delayMs) {
        thread.schedule(() -> {
            if (expireIfDue(id)) {
                return;
            }
            InvitationRegistry.Entry e = invitations.get(id);
            if (e != null && e.state == InvitationState.INVITED) {
                // the clock has not reached the expiry yet (another clock than the timer's): look again then
                scheduleExpiry(id, Math.max(1, Duration.between(now(), e.expiresAt).toMillis()));
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private boolean expireIfDue(String id) {
        InvitationRegistry.Entry e = invitations.expireIfDue(id, now());
        if (e != null) {
            notifyResult(e, Outcome.EXPIRED);
        }
        return e != null;
    }

    private void answer(SignalingConnection guest, String id, boolean accept) throws CohostException {
        expireIfDue(id);
        InvitationRegistry.Entry e = invitations.answer(id, guest.userId(), accept, now());
        notifyResult(e, accept ? Outcome.ACCEPTED : Outcome.DECLINED);
    }

    private void notifyResult(InvitationRegistry.Entry e, Outcome outcome) {
        LOG.info("invitation {} INVITED => {}", e.id, e.state);
        SignalMessage result = new InvitationMessage.InviteResult(e.id, outcome);
        for (String user : List.of(e.hostUserId, e.guestUserId)) {
            SignalingConnection c = users.get(user);
            if (c != null && c.token.roomId().equals(e.roomId)) {
                c.send(result);
            }
        }
    }

    private void join(SignalingConnection c, String invitationId) throws CohostException {
        if (c.participant) {
            throw new CohostException(CohostErrorCode.INVITATION_USED, "you have already joined room " + c.token.roomId());
        }
        if (invitationId == null && c.token.role() != Role.HOST) {
            throw new CohostException(CohostErrorCode.NOT_INVITED, "a guest joins with the invitation it accepted");
        }
        String room = c.token.roomId();
        List<SignalingConnection> present = participantsOf(room);
        if (present.size() >= config.maxParticipants()) {
            throw new CohostException(CohostErrorCode.ROOM_FULL,
                    "room " + room + " has " + present.size() + " participants (at most " + config.maxParticipants() + ")");
        }
        if (invitationId != null) {
            expireIfDue(invitationId);
            invitations.join(invitationId, c.userId(), now());
            c.joinedInvitationId = invitationId;
        }
        c.participant = true;
        LOG.info("{} => joined", c);
        c.send(new ParticipationMessage.Joined(c.userId()));
        for (SignalingConnection other : present) {
            c.send(new ParticipationMessage.Participant(Event.JOINED, other.userId()));
        }
        SignalMessage joined = new ParticipationMessage.Participant(Event.JOINED, c.userId());
        for (SignalingConnection other : inRoom(room)) {
            if (other != c) {
                other.send(joined);
            }
        }
    }

    private void offer(SignalingConnection c, String sdp) throws CohostException {
        if (!c.participant) {
            throw new CohostException(CohostErrorCode.NOT_INVITED, "join before sending an offer");
        }
        if (c.legOpened) {
            throw new CohostException(CohostErrorCode.MALFORMED_MESSAGE, "your leg is already open; leave and join again to renegotiate");
        }
        c.legOpened = true;
        gateway.join(c.userId(), c.token.role(), sdp, c, why -> submit(() -> {
            if (c.participant && !c.gone) {
                c.send(new SessionMessage.Error(CohostErrorCode.MIXER_UNAVAILABLE, why, "offer"));
                removeParticipant(c);
            }
        }));
    }

    private void kick(SignalingConnection host, String userId) throws CohostException {
        requireHost(host, "kick");
        SignalingConnection target = users.get(userId);
        if (target == null || target == host || !target.participant || !target.token.roomId().equals(host.token.roomId())) {
            throw new CohostException(CohostErrorCode.UNKNOWN_USER,
                    "user " + userId + " is not a participant of room " + host.token.roomId());
        }
        LOG.info("{} kicks {}", host, target);
        target.send(new ParticipationMessage.Kick(userId));
        removeParticipant(target);
    }

    private void removeParticipant(SignalingConnection c) {
        c.participant = false;
        if (c.legOpened) {
            gateway.leave(c.userId());
            c.legOpened = false;
        }
        if (c.joinedInvitationId != null) {
            invitations.left(c.joinedInvitationId, now());
            c.joinedInvitationId = null;
        }
        LOG.info("{} => left", c);
        SignalMessage left = new ParticipationMessage.Participant(Event.LEFT, c.userId());
        c.send(left);
        for (SignalingConnection other : inRoom(c.token.roomId())) {
            if (other != c) {
                other.send(left);
            }
        }
    }

    private void dropped(SignalingConnection c) {
        if (c.gone) {
            return;
        }
        c.gone = true;
        if (c.helloTimer != null) {
            c.helloTimer.cancel(false);
        }
        if (c.token == null) {
            return;
        }
        handover.dropped(c);
        if (c.participant) {
            removeParticipant(c);
        }
        if (c.token.role() == Role.HOST) {
            for (InvitationRegistry.Entry e : invitations.pendingOf(c.userId())) {
                try {
                    notifyResult(invitations.cancel(e.id, c.userId(), now()), Outcome.CANCELLED);
                } catch (CohostException alreadyEnded) {
                    LOG.debug("invitation {} ended meanwhile: {}", e.id, alreadyEnded.getMessage());
                }
            }
        }
        users.remove(c.userId(), c);
        LOG.info("{} => gone", c);
    }

    private List<SignalingConnection> inRoom(String room) {
        List<SignalingConnection> out = new ArrayList<>();
        for (SignalingConnection c : users.values()) {
            if (c.token.roomId().equals(room)) {
                out.add(c);
            }
        }
        return out;
    }

    private List<SignalingConnection> participantsOf(String room) {
        List<SignalingConnection> out = inRoom(room);
        out.removeIf(c -> !c.participant);
        return out;
    }

    private static void requireHost(SignalingConnection c, String what) throws CohostException {
        if (c.token.role() != Role.HOST) {
            throw new CohostException(CohostErrorCode.NOT_HOST, "only a host may " + what + "; you are " + c.token.role());
        }
    }

    private Instant now() {
        return config.clock().instant();
    }
}
