package io.livepush.cohost.server.e2e;

import io.livepush.capture.MediaClock;
import io.livepush.cohost.client.AudienceSwitch;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostListener;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.InvitationOutcome;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A host application in its own process, for the handover across processes: it pushes its own
 * stream to the audience key, joins the mix, invites a guest, and once the guest has joined hands
 * the audience key to the mix over signaling ({@link CohostSession#handOverToMix}), holds it there
 * for {@code mixSeconds}, and takes it back ({@link CohostSession#returnToHost}). Arguments:
 * signaling URI, host token, audience RTMP URL, guest user id, mixSeconds, and a file whose
 * appearance means "hand over now" (the test creates it once its player decodes the host). Prints
 * {@code CONNECTED}, {@code PUSHING}, {@code GUEST_JOINED}, {@code TO_MIX <switch>},
 * {@code TO_HOST <switch>}, {@code DONE} (or {@code FAILED <why>}), then exits.
 */
public final class HostMain {
    private static final int W = 1280;
    private static final int H = 720;

    private HostMain() {
    }

    private static LiveStream hostStream(String url) {
        MediaClock clock = new MediaClock();
        return LiveStream.create(LiveStreamConfig.builder(url).video(MixerConfig.DEFAULT_VIDEO).build(),
                CohostRig.pattern(0, W, H), CohostRig.tone(440), clock, new LiveStreamListener() { });
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    public static void main(String[] args) {
        try {
            run(URI.create(args[0]), args[1], args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]));
            say("DONE");
            System.exit(0);
        } catch (Throwable e) {
            say("FAILED " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(URI signaling, String token, String audience, String guestId, int mixSeconds, Path go)
            throws Exception {
        CompletableFuture<Void> guestJoined = new CompletableFuture<>();
        CohostSession host = CohostClient.connect(signaling, token, new CohostListener() {
            @Override
            public void onParticipantJoined(String userId) {
                if (userId.equals(guestId)) {
                    guestJoined.complete(null);
                }
            }
        }).get(10, TimeUnit.SECONDS);
        say("CONNECTED");
        Supplier<LiveStream> newHostStream = () -> hostStream(audience);
        LiveStream direct = newHostStream.get();
        direct.start().get(10, TimeUnit.SECONDS);
        say("PUSHING");
        host.join(CohostRig.pattern(0, W, H), CohostRig.tone(440)).get(20, TimeUnit.SECONDS);
        InvitationOutcome outcome = host.invite(guestId).get(30, TimeUnit.SECONDS);
        if (outcome != InvitationOutcome.ACCEPTED) {
            throw new IllegalStateException("the guest's invitation ended " + outcome);
        }
        guestJoined.get(30, TimeUnit.SECONDS);
        say("GUEST_JOINED");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no go file " + go + " within 60 s");
            }
            Thread.sleep(20);
        }
        AudienceSwitch toMix = host.handOverToMix(direct, newHostStream, Duration.ofSeconds(10)).get(30, TimeUnit.SECONDS);
        say("TO_MIX " + toMix.readyMs() + " " + toMix.unpublishMs() + " " + toMix.publishMs());
        Thread.sleep(mixSeconds * 1000L);
        AudienceSwitch back = host.returnToHost(newHostStream, Duration.ofSeconds(10)).get(30, TimeUnit.SECONDS);
        say("TO_HOST " + back.readyMs() + " " + back.unpublishMs() + " " + back.publishMs());
        Thread.sleep(3000);
        back.stream().close();
        host.close();
    }
}
