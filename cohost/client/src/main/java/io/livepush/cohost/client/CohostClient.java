package io.livepush.cohost.client;

import io.livepush.cohost.rtc.RtcRuntime;
import io.livepush.cohost.token.TokenVerifier;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Connects to a co-host signaling server ({@code ws://HOST:PORT/cohost} or {@code wss://...}).
 *
 * <pre>{@code
 * CohostSession host = CohostClient.connect(uri, hostToken, listener).get();
 * host.invite("bob").thenAccept(outcome -> ...);      // ACCEPTED, DECLINED, EXPIRED, CANCELLED
 * host.join(camera, microphone);                       // the host's own leg to the mixer
 * }</pre>
 */
public final class CohostClient {
    private CohostClient() {
    }

    /**
     * Opens the WebSocket, sends {@code hello{token}} and waits for the server's welcome. Legs opened
     * by {@link CohostSession#join} use an {@link RtcRuntime} the session creates and closes itself.
     *
     * @param wsUri {@code ws://} or {@code wss://} URI of the server's {@code /cohost} endpoint, not null
     * @param token the signed token the application's backend gave this user, not null
     * @param listener the session's events, not null
     * @return completes with the session, or exceptionally with a {@link io.livepush.cohost.CohostException}
     *     ({@link io.livepush.cohost.token.CohostAuthException} when the token was refused)
     * @throws IllegalArgumentException when the URI is not ws/wss with a host, or the token is empty or
     *     longer than {@link TokenVerifier#MAX_TOKEN_LENGTH} characters (the message gives its length only)
     * @throws NullPointerException when an argument is null
     */
    public static CompletableFuture<CohostSession> connect(URI wsUri, String token, CohostListener listener) {
        return connect(wsUri, token, listener, null);
    }

    /**
     * As {@link #connect(URI, String, CohostListener)}, with legs on the caller's long-lived runtime
     * (which the session never closes).
     *
     * @param wsUri {@code ws://} or {@code wss://} URI of the server's {@code /cohost} endpoint, not null
     * @param token the signed token the application's backend gave this user, not null
     * @param listener the session's events, not null
     * @param rtcRuntime the runtime for this session's legs, or null to let the session own one
     * @return completes with the session, or exceptionally with a {@link io.livepush.cohost.CohostException}
     *     ({@link io.livepush.cohost.token.CohostAuthException} when the token was refused)
     * @throws IllegalArgumentException when the URI is not ws/wss with a host, or the token is empty or
     *     longer than {@link TokenVerifier#MAX_TOKEN_LENGTH} characters (the message gives its length only)
     * @throws NullPointerException when {@code wsUri}, {@code token} or {@code listener} is null
     */
    public static CompletableFuture<CohostSession> connect(URI wsUri, String token, CohostListener listener,
            RtcRuntime rtcRuntime) {
        Objects.requireNonNull(wsUri, "wsUri");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(listener, "listener");
        if (token.isEmpty() || token.length() > TokenVerifier.MAX_TOKEN_LENGTH) {
            // The length only: a token is a credential and never goes into a message or a log.
            throw new IllegalArgumentException("token is " + token.length() + " characters (expected 1 .. "
                    + TokenVerifier.MAX_TOKEN_LENGTH + ", as the server's verifier takes)");
        }
        String scheme = wsUri.getScheme() == null ? "" : wsUri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("URI scheme is '" + wsUri.getScheme() + "' (expected ws or wss)");
        }
        if (wsUri.getHost() == null) {
            throw new IllegalArgumentException("URI " + wsUri + " has no host (expected ws://HOST:PORT/cohost)");
        }
        return DefaultCohostSession.open(wsUri, token, listener, rtcRuntime);
    }
}
