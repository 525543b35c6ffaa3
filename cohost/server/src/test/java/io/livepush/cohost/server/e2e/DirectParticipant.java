package io.livepush.cohost.server.e2e;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.ToneSource;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.cohost.protocol.SeiDataMessage;
import io.livepush.cohost.rtc.LegSignaling;
import io.livepush.cohost.rtc.PublishingLeg;
import io.livepush.cohost.rtc.RtcRuntime;
import io.livepush.cohost.server.mixer.Mixer;
import io.livepush.cohost.server.signaling.ParticipantLeg;
import io.livepush.cohost.token.CohostToken;
import io.livepush.capture.stamp.FrameStamp;
import io.livepush.capture.stamp.LumaPlane;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A participant wired straight to a {@link Mixer} in this JVM (no signaling server): a real
 * webrtc-java {@link PublishingLeg} fed by a stamped test pattern of its own hue and a tone of its own
 * frequency, each on a pump thread. SEI goes over the data channel tagged with the frame number of
 * the next frame pushed, as the co-host client does.
 */
final class DirectParticipant implements AutoCloseable {
    private final PublishingLeg leg;
    private final TestPatternSource video;
    private final ToneSource audio;
    private final Thread videoPump;
    private final Thread audioPump;
    private volatile long lastFrameNumber = -1;
    private volatile boolean running = true;

    private DirectParticipant(RtcRuntime rt, Mixer mixer, String userId, CohostToken.Role role, double hue,
            double toneHz, int width, int height) {
        MediaClock clock = new MediaClock();
        video = TestPatternSource.builder().size(width, height).hueDegrees(hue).clock(clock).build();
        audio = ToneSource.builder().frequencyHz(toneHz).beepFrequencyHz(toneHz).amplitude(0.3).clock(clock).build();
        CompletableFuture<PublishingLeg> self = new CompletableFuture<>();
        CompletableFuture<ParticipantLeg> remote = new CompletableFuture<>();
        LegSignaling toParticipant = new LegSignaling() {
            @Override
            public void sendDescription(String type, String sdp) {
                self.thenAccept(l -> l.setRemoteDescription(type, sdp));
            }

            @Override
            public void sendCandidate(String mid, int index, String candidate) {
                self.thenAccept(l -> l.addRemoteCandidate(mid, index, candidate));
            }
        };
        LegSignaling toMixer = new LegSignaling() {
            @Override
            public void sendDescription(String type, String sdp) {
                try {
                    remote.complete(mixer.join(userId, role, sdp, toParticipant));
                } catch (RuntimeException e) {
                    remote.completeExceptionally(e);
                }
            }

            @Override
            public void sendCandidate(String mid, int index, String candidate) {
                remote.thenAccept(r -> r.addRemoteCandidate(mid, index, candidate));
            }
        };
        leg = PublishingLeg.open(rt, toMixer, width, height);
        self.complete(leg);
        videoPump = new Thread(this::pumpVideo, "test-" + userId + "-video");
        audioPump = new Thread(this::pumpAudio, "test-" + userId + "-audio");
        videoPump.start();
        audioPump.start();
    }

    static DirectParticipant join(RtcRuntime rt, Mixer mixer, String userId, CohostToken.Role role, double hue,
            double toneHz, int width, int height) throws Exception {
        DirectParticipant p = new DirectParticipant(rt, mixer, userId, role, hue, toneHz, width, height);
        try {
            p.leg.connected().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.close();
            throw e;
        }
        return p;
    }

    private void pumpVideo() {
        try {
            while (running) {
                VideoFrame f = video.read();
                if (f == null) {
                    return;
                }
                try {
                    synchronized (this) {
                        FrameStamp.read(LumaPlane.of(f), 0, 0, video.stampCellSize())
                                .ifPresent(s -> lastFrameNumber = s.frameNumber());
                        leg.pushVideo(f);
                    }
                } finally {
                    f.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                throw e;
            }
        }
    }

    private void pumpAudio() {
        try {
            while (running) {
                AudioFrame a = audio.read();
                if (a == null) {
                    return;
                }
                leg.pushAudio(a);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                throw e;
            }
        }
    }

    /** Sends an SEI payload for the next frame pushed; returns that frame's number. */
    synchronized long sendSei(byte[] payload) {
        long tag = lastFrameNumber + 1;
        leg.sendData(new SeiDataMessage(tag, payload).encode());
        return tag;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        video.close();
        audio.close();
        videoPump.join(2000);
        audioPump.join(2000);
        leg.close();
    }
}
