package io.livepush.examples.cohost;

import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.cohost.CohostException;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.InvitationOutcome;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.token.CohostToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The host's process: connects to the co-host server as {@code host}, joins the mix with the test
 * pattern in its own colours (hue 0) and a 440 Hz tone, invites the guest (again each second while
 * the guest is not connected yet, so the processes may start in any order), then sends an SEI event
 * {@code host event N} each second, which the mixer writes into the mixed stream on the frame it
 * belongs to. Runs until Ctrl-C.
 *
 * <p>Usage: {@code HostMain SIGNALING_URI SECRET_FILE [GUEST_ID]} (guest default {@code guest}).
 */
public final class HostMain {
    /** The host's hue: the test pattern's own colours. */
    static final double HUE = 0;
    /** The host's tone in Hz. */
    static final double TONE_HZ = 440;

    private HostMain() {
    }

    /**
     * Connects as host, joins the mix, invites the guest (again each second while it is not connected) and
     * sends an SEI event each second until Ctrl-C or until it is out of the mix.
     *
     * @param args the signaling URI, the secret file, optionally the guest's user id
     * @throws IllegalArgumentException when there are not 2 or 3 arguments, the URI is malformed, or the secret
     *     file is missing or too short
     * @throws Exception when the secret file cannot be read, connecting (10 s) or joining (20 s) fails or takes
     *     longer, or the invitation is refused for another reason than an unknown user
     *     ({@link java.util.concurrent.ExecutionException} carries the {@link io.livepush.cohost.CohostException})
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException(args.length + " arguments given (expected SIGNALING_URI SECRET_FILE [GUEST_ID])");
        }
        URI uri = URI.create(args[0]);
        String token = DemoTokens.sign(DemoTokens.readSecret(Path.of(args[1])), "host", CohostToken.Role.HOST);
        String guest = args.length == 3 ? args[2] : "guest";
        ConsoleListener console = new ConsoleListener("host");
        StopSignal stop = StopSignal.install();
        try (TestPatternSource video = ExampleMedia.pattern(HUE);
                ToneSource audio = ExampleMedia.tone(TONE_HZ);
                CohostSession session = CohostClient.connect(uri, token, console).get(10, TimeUnit.SECONDS)) {
            console.print("connected to " + uri + " as host of " + DemoTokens.ROOM);
            session.join(video, audio).get(20, TimeUnit.SECONDS);
            console.print("JOINED the mix");
            InvitationOutcome outcome = invite(session, guest, console, stop);
            if (outcome == null) {
                return;
            }
            console.print("invitation to " + guest + ": " + outcome);
            for (int n = 1; !stop.await(1000) && !console.outOfTheMix(); n++) {
                session.sendSei(("host event " + n).getBytes(StandardCharsets.UTF_8));
                console.print("sent SEI event " + n);
            }
        } finally {
            stop.finished();
        }
    }

    /** Invites until the guest is connected and answers; @return its answer, or null when stopped first */
    private static InvitationOutcome invite(CohostSession session, String guest, ConsoleListener console, StopSignal stop)
            throws InterruptedException, ExecutionException {
        boolean told = false;
        while (true) {
            try {
                return stop.awaitOrStop(session.invite(guest));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof CohostException c) || c.code() != CohostErrorCode.UNKNOWN_USER) {
                    throw e;
                }
                if (!told) {
                    console.print(guest + " is not connected yet; inviting again each second");
                    told = true;
                }
                if (stop.await(1000)) {
                    return null;
                }
            }
        }
    }
}
