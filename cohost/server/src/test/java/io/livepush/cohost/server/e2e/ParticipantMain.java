package io.livepush.cohost.server.e2e;

import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostListener;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.Invitation;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A co-host participant in its own process (for the test that kills one, and for measuring the
 * mixer's CPU without the participants in its JVM). Arguments: signaling URI, token,
 * {@code host|guest}, hue, tone Hz, {@code WxH}, and for a host the user id to invite. A guest
 * accepts the first invitation and joins; a host joins and invites. Prints {@code CONNECTED} and
 * {@code JOINED}, then stays until killed.
 */
public final class ParticipantMain {
    private ParticipantMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean host = args[2].equals("host");
        double hue = Double.parseDouble(args[3]);
        double tone = Double.parseDouble(args[4]);
        String[] size = args[5].split("x");
        int w = Integer.parseInt(size[0]);
        int h = Integer.parseInt(size[1]);
        CompletableFuture<Invitation> invited = new CompletableFuture<>();
        CohostSession session = CohostClient.connect(URI.create(args[0]), args[1], new CohostListener() {
            @Override
            public void onInvited(Invitation inv) {
                invited.complete(inv);
            }
        }).get(10, TimeUnit.SECONDS);
        System.out.println("CONNECTED");
        System.out.flush();
        if (!host) {
            invited.get(60, TimeUnit.SECONDS).accept().get(10, TimeUnit.SECONDS);
        }
        session.join(CohostRig.pattern(hue, w, h), CohostRig.tone(tone)).get(20, TimeUnit.SECONDS);
        System.out.println("JOINED");
        System.out.flush();
        if (host && args.length > 6) {
            session.invite(args[6]);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
