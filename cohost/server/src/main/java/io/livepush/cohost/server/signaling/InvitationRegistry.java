package io.livepush.cohost.server.signaling;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The invitations of a signaling server and their state machine ({@link InvitationState}). Pure
 * bookkeeping against the instants it is given: no threads, no I/O. Not thread-safe: owned by the
 * server's registry thread. Ended invitations are remembered for {@link #RETENTION} so that a late or
 * replayed answer gets its precise reason ({@code INVITATION_USED}, {@code INVITATION_EXPIRED}, ...)
 * rather than {@code NOT_INVITED}.
 */
final class InvitationRegistry {
    /** How long an ended invitation is remembered. */
    static final Duration RETENTION = Duration.ofMinutes(10);
    /** Most invitations remembered at once; creating more is refused until old ones are forgotten. */
    static final int CAPACITY = 10_000;

    /** One invitation. Mutable; owned by the registry thread. */
    static final class Entry {
        final String id;
        final String roomId;
        final String hostUserId;
        final String guestUserId;
        final Instant expiresAt;
        InvitationState state = InvitationState.INVITED;
        Instant endedAt;

        Entry(String id, String roomId, String hostUserId, String guestUserId, Instant expiresAt) {
            this.id = id;
            this.roomId = roomId;
            this.hostUserId = hostUserId;
            this.guestUserId = guestUserId;
            this.expiresAt = expiresAt;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new HashMap<>();

    Entry create(String roomId, String hostUserId, String guestUserId, Instant now, Duration ttl) throws CohostException {
        forgetOld(now);
        if (entries.size() >= CAPACITY) {
            throw new CohostException(CohostErrorCode.ROOM_FULL,
                    "too many invitations outstanding (" + CAPACITY + "); wait for some to end");
        }
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Entry e = new Entry(id, roomId, hostUserId, guestUserId, now.plus(ttl));
        entries.put(id, e);
        return e;
    }

    /** The guest answers: INVITED -> ACCEPTED or DECLINED. */
    Entry answer(String id, String userId, boolean accept, Instant now) throws CohostException {
        Entry e = find(id, now);
        if (e.state != InvitationState.INVITED) {
            throw refusal(e);
        }
        if (!e.guestUserId.equals(userId)) {
            throw notInvited(id);
        }
        end(e, accept ? InvitationState.ACCEPTED : InvitationState.DECLINED, now);
        return e;
    }

    /** The host withdraws: INVITED -> CANCELLED. */
    Entry cancel(String id, String hostUserId, Instant now) throws CohostException {
        Entry e = entries.get(id);
        if (e == null || !e.hostUserId.equals(hostUserId)) {
            throw new CohostException(CohostErrorCode.NOT_INVITED, "there is no invitation " + id + " of yours");
        }
        expireIfDue(e, now);
        if (e.state != InvitationState.INVITED) {
            throw refusal(e);
        }
        end(e, InvitationState.CANCELLED, now);
        return e;
    }

    /** The guest joins with its accepted invitation: ACCEPTED -> JOINED, once. */
    Entry join(String id, String userId, Instant now) throws CohostException {
        Entry e = find(id, now);
        if (!e.guestUserId.equals(userId) || e.state == InvitationState.INVITED) {
            throw new CohostException(CohostErrorCode.NOT_INVITED, e.state == InvitationState.INVITED && e.guestUserId.equals(userId)
                    ? "invitation " + id + " is not accepted yet (accept it before joining)"
                    : "there is no invitation " + id + " for you");
        }
        if (e.state != InvitationState.ACCEPTED) {
            throw refusal(e);
        }
        e.state = InvitationState.JOINED;
        return e;
    }

    /** The guest left: JOINED -> LEFT. */
    void left(String id, Instant now) {
        Entry e = entries.get(id);
        if (e != null && e.state == InvitationState.JOINED) {
            end(e, InvitationState.LEFT, now);
        }
    }

    /** @return the entry when it was INVITED and its expiry has come, now EXPIRED; else null */
    Entry expireIfDue(String id, Instant now) {
        Entry e = entries.get(id);
        return e != null && expireIfDue(e, now) ? e : null;
    }

    /** @return the host's invitations still waiting for an answer */
    List<Entry> pendingOf(String hostUserId) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.state == InvitationState.INVITED && e.hostUserId.equals(hostUserId)) {
                out.add(e);
            }
        }
        return out;
    }

    Entry get(String id) {
        return entries.get(id);
    }

    int size() {
        return entries.size();
    }

    private Entry find(String id, Instant now) throws CohostException {
        Entry e = entries.get(id);
        if (e == null) {
            throw notInvited(id);
        }
        expireIfDue(e, now);
        return e;
    }

    private boolean expireIfDue(Entry e, Instant now) {
        if (e.state == InvitationState.INVITED && !now.isBefore(e.expiresAt)) {
            end(e, InvitationState.EXPIRED, now);
            return true;
        }
        return false;
    }

    private static void end(Entry e, InvitationState state, Instant now) {
        e.state = state;
        e.endedAt = now;
    }

    private void forgetOld(Instant now) {
        Instant horizon = now.minus(RETENTION);
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            boolean over = switch (e.state) {
                case ACCEPTED, DECLINED, EXPIRED, CANCELLED, LEFT -> true;
                default -> false;
            };
            if (over && e.endedAt != null && e.endedAt.isBefore(horizon)) {
                it.remove();
            }
        }
    }

    private static CohostException notInvited(String id) {
        return new CohostException(CohostErrorCode.NOT_INVITED, "there is no invitation " + id + " for you");
    }

    private static CohostException refusal(Entry e) {
        return switch (e.state) {
            case EXPIRED -> new CohostException(CohostErrorCode.INVITATION_EXPIRED,
                    "invitation " + e.id + " expired at " + e.expiresAt);
            case CANCELLED -> new CohostException(CohostErrorCode.INVITATION_CANCELLED,
                    "invitation " + e.id + " was cancelled by " + e.hostUserId);
            default -> new CohostException(CohostErrorCode.INVITATION_USED,
                    "invitation " + e.id + " was already used (it is " + e.state + "; invitations are single use)");
        };
    }
}
