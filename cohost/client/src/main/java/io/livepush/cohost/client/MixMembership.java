package io.livepush.cohost.client;

import io.livepush.capture.AudioSource;
import io.livepush.capture.VideoSource;
import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.MediaMessage;
import io.livepush.cohost.protocol.ParticipationMessage;
import io.livepush.cohost.protocol.SignalMessage;
import io.livepush.cohost.rtc.RtcRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * This user's place in the mix: {@code join} and {@code leave} with the fate of their futures, the
 * mixer's answer and ICE passed to the {@link MixLeg}, participants coming and going, being kicked,
 * and kicking others (host). Every field is owned by the {@link SessionThread}. {@link #close()}
 * closes the leg and the WebRTC runtime when this session made it.
 */
final class MixMembership {
    private final SessionThread thread;
    private final Consumer<SignalMessage> send;
    private final CohostListener listener;
    private final MixLeg leg;
    // Session-thread state.
    private final Map<String, CompletableFuture<Void>> kicks = new HashMap<>();
    private CompletableFuture<Void> joining;
    private CompletableFuture<Void> leaving;
    private VideoSource joinVideo;
    private AudioSource joinAudio;

    /**
     * @param thread the session thread
     * @param send sends a message on the socket; called on the session thread
     * @param listener the application's listener
     * @param runtime the WebRTC runtime to open legs on, or null to make one when first joining
     * @param serial the session's number, in the pump's thread name
     */
    MixMembership(SessionThread thread, Consumer<SignalMessage> send, CohostListener listener, RtcRuntime runtime,
            int serial) {
        this.thread = thread;
        this.send = send;
        this.listener = listener;
        this.leg = new MixLeg(send, runtime, serial, e -> thread.execute(() -> notifyError(
                new CohostException(CohostErrorCode.INTERNAL, "a source failed while co-hosting: " + e, e))));
    }

    /**
     * @param invitationId evaluated on the session thread: the invitation the {@code join} names, or
     *     null for the host
     * @see CohostSession#join(VideoSource, AudioSource)
     */
    CompletableFuture<Void> join(VideoSource video, AudioSource audio, Supplier<String> invitationId) {
        Objects.requireNonNull(video, "video");
        if (audio != null && audio.format().sampleRate() != 48_000) {
            throw new IllegalArgumentException("audio source runs at " + audio.format().sampleRate()
                    + " Hz (expected 48000 Hz for the WebRTC leg)");
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        thread.call(f, () -> {
            if (joining != null || leg.isOpen()) {
                f.completeExceptionally(new IllegalStateException("already joined or joining"));
                return;
            }
            joining = f;
            joinVideo = video;
            joinAudio = audio;
            send.accept(new ParticipationMessage.Join(invitationId.get()));
        });
        return f;
    }

    /** @see CohostSession#leave() */
    CompletableFuture<Void> leave() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        thread.call(f, () -> {
            SessionThread.replace(leaving);
            leaving = f;
            send.accept(new ParticipationMessage.Leave());
        });
        return f;
    }

    /** @see CohostSession#kick(String) */
    CompletableFuture<Void> kick(String kickedUserId) {
        ParticipationMessage.Kick m = new ParticipationMessage.Kick(kickedUserId);
        CompletableFuture<Void> f = new CompletableFuture<>();
        thread.call(f, () -> {
            SessionThread.replace(kicks.put(kickedUserId, f));
            send.accept(m);
        });
        return f;
    }

    /** @see CohostSession#sendSei(byte[]) */
    void sendSei(byte[] payload) {
        leg.sendSei(payload);
    }

    /**
     * Takes a message about the mix or the leg from the server; session thread.
     *
     * @param selfId this session's user
     * @return false when {@code m} is not about them
     */
    boolean handle(SignalMessage m, String selfId) {
        if (m instanceof ParticipationMessage.Joined) {
            openLeg();
        } else if (m instanceof ParticipationMessage.Participant p) {
            participant(p, selfId);
        } else if (m instanceof ParticipationMessage.Kick) {
            leg.close();
            failJoin(new CohostException(CohostErrorCode.NOT_INVITED, "kicked by the host"));
            SessionThread.notifyListener(listener::onKicked);
        } else if (m instanceof MediaMessage.Answer a) {
            toLeg(() -> leg.answer(a.sdp()));
        } else if (m instanceof MediaMessage.Ice i) {
            toLeg(() -> leg.candidate(i.sdpMid(), i.sdpMLineIndex(), i.candidate()));
        } else {
            return false;
        }
        return true;
    }

    /**
     * The server refused a message; session thread. A refused {@code join}, {@code offer} or
     * {@code ice} while joining closes the leg and fails the join.
     *
     * @return false when no call of this part was waiting for that answer
     */
    boolean refused(String type, String subject, CohostException e) {
        CompletableFuture<?> f = null;
        if ("kick".equals(type)) {
            f = kicks.remove(subject);
        } else if ("leave".equals(type)) {
            f = leaving;
            leaving = null;
        } else if (("join".equals(type) || "offer".equals(type) || "ice".equals(type)) && joining != null) {
            leg.close();
            f = joining;
            joining = null;
        }
        if (f == null) {
            return false;
        }
        f.completeExceptionally(e);
        return true;
    }

    /** Closes the leg, the pump and a runtime this session made; session thread. */
    void close() {
        leg.closeAll();
    }

    /** The connection is gone: fails the pending join, leave and kicks; session thread. */
    void failAll(CohostException gone) {
        kicks.values().forEach(f -> f.completeExceptionally(gone));
        failJoin(gone);
        if (leaving != null) {
            leaving.completeExceptionally(gone);
        }
    }

    private void participant(ParticipationMessage.Participant p, String selfId) {
        boolean self = p.userId().equals(selfId);
        if (p.event() == ParticipationMessage.Participant.Event.JOINED) {
            if (!self) {
                SessionThread.notifyListener(() -> listener.onParticipantJoined(p.userId()));
            }
            return;
        }
        if (self) {
            leg.close();
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
        SessionThread.notifyListener(() -> listener.onParticipantLeft(p.userId()));
    }

    private void openLeg() {
        if (joining == null || leg.isOpen()) {
            return;
        }
        CompletableFuture<Void> f = joining;
        try {
            leg.open(joinVideo, joinAudio).whenCompleteAsync((v, err) -> {
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
            }, thread);
        } catch (RuntimeException e) {
            leg.close();
            joining = null;
            send.accept(new ParticipationMessage.Leave());
            f.completeExceptionally(new CohostException(CohostErrorCode.INTERNAL, "cannot open the WebRTC leg: " + e.getMessage(), e));
        }
    }

    private void toLeg(Runnable call) {
        if (!leg.isOpen()) {
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
                leg.close();
                failJoin(ex);
                send.accept(new ParticipationMessage.Leave());
            } else {
                notifyError(ex);
            }
        }
    }

    private void failJoin(CohostException e) {
        if (joining != null) {
            joining.completeExceptionally(e);
            joining = null;
        }
    }

    private void notifyError(CohostException e) {
        SessionThread.notifyListener(() -> listener.onError(e));
    }
}
