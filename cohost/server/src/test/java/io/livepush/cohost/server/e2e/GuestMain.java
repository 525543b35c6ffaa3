package io.livepush.cohost.server.e2e;

import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostListener;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.Invitation;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A guest in its own process, for the test that kills it: connects with the token given, accepts
 * the first invitation, joins with a test pattern (hue 90) and a 1000 Hz tone, prints {@code JOINED}
 * and stays until killed. Arguments: the signaling URI and the token.
 */
public final class GuestMain {
    private GuestMain() {
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<Invitation> invited = new CompletableFuture<>();
        CohostSession session = CohostClient.connect(URI.create(args[0]), args[1], new CohostListener() {
            @Override
            public void onInvited(Invitation inv) {
                invited.complete(inv);
            }
        }).get(10, TimeUnit.SECONDS);
        System.out.println("CONNECTED");
        System.out.flush();
        invited.get(30, TimeUnit.SECONDS).accept().get(10, TimeUnit.SECONDS);
        session.join(CohostRig.pattern(90, 640, 360), CohostRig.tone(1000)).get(20, TimeUnit.SECONDS);
        System.out.println("JOINED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
