package io.livepush.examples.cohost;

import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.token.CohostToken;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The guest's process: connects to the co-host server as a guest, waits for the host's invitation,
 * accepts it and joins the mix with the test pattern turned to hue 90 and a 1000 Hz tone. Runs
 * until Ctrl-C.
 *
 * <p>Usage: {@code GuestMain SIGNALING_URI SECRET_FILE [USER_ID]} (user default {@code guest}).
 */
public final class GuestMain {
    /** The guest's hue, so its picture differs from the host's in the mix. */
    static final double HUE = 90;
    /** The guest's tone in Hz. */
    static final double TONE_HZ = 1000;

    private GuestMain() {
    }

    /**
     * Connects, waits for an invitation, accepts it and joins the mix until Ctrl-C.
     *
     * @param args the signaling URI, the secret file, optionally this guest's user id
     * @throws IllegalArgumentException when there are not 2 or 3 arguments, the URI is malformed, or the secret
     *     file is missing or too short
     * @throws Exception when the secret file cannot be read, or connecting (10 s), accepting (10 s) or joining
     *     (20 s) fails or takes longer ({@link java.util.concurrent.ExecutionException} carries the
     *     {@link io.livepush.cohost.CohostException})
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException(args.length + " arguments given (expected SIGNALING_URI SECRET_FILE [USER_ID])");
        }
        URI uri = URI.create(args[0]);
        String user = args.length == 3 ? args[2] : "guest";
        String token = DemoTokens.sign(DemoTokens.readSecret(Path.of(args[1])), user, CohostToken.Role.GUEST);
        ConsoleListener console = new ConsoleListener(user);
        StopSignal stop = StopSignal.install();
        try (TestPatternSource video = ExampleMedia.pattern(HUE);
                ToneSource audio = ExampleMedia.tone(TONE_HZ);
                CohostSession session = CohostClient.connect(uri, token, console).get(10, TimeUnit.SECONDS)) {
            console.print("connected to " + uri + " as a guest of " + DemoTokens.ROOM + "; waiting for an invitation");
            Invitation invitation = stop.awaitOrStop(console.invitation());
            if (invitation == null) {
                return;
            }
            invitation.accept().get(10, TimeUnit.SECONDS);
            console.print("accepted the invitation from " + invitation.fromUserId());
            session.join(video, audio).get(20, TimeUnit.SECONDS);
            console.print("JOINED the mix");
            stop.await();
        } finally {
            stop.finished();
        }
    }
}
