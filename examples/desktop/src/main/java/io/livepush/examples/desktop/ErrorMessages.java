package io.livepush.examples.desktop;

import io.livepush.capture.audio.AudioDeviceException;
import io.livepush.capture.camera.CameraException;
import io.livepush.cohost.CohostException;
import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.livepush.publisher.rtmp.client.RtmpCertificateException;
import io.livepush.publisher.rtmp.client.RtmpPublishRejectedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what went wrong into a sentence a streamer can act on: what happened and what to do, never a
 * class name or a stack trace. The SDK's own messages already keep stream keys redacted and say what
 * was given and what is allowed; they are reused where they are the best words there are.
 */
public final class ErrorMessages {
    /** Longest message shown; longer ones are cut with an ellipsis. */
    public static final int MAX_LENGTH = 300;

    private ErrorMessages() {
    }

    /**
     * @param error what went wrong, possibly wrapped in a {@link CompletionException} or {@link ExecutionException}
     * @return one or two sentences, at most {@value #MAX_LENGTH} characters
     */
    public static String describe(Throwable error) {
        Throwable t = unwrap(error);
        return limit(words(t));
    }

    private static String words(Throwable t) {
        if (t == null) {
            return "Something went wrong, but no reason was given.";
        }
        if (t instanceof RtmpPublishRejectedException r) {
            return switch (r.code()) {
                case BAD_NAME -> "The server says this stream key is already live (an earlier session may still be"
                        + " open). Wait a few seconds and go live again.";
                case PUBLISH_DENIED -> "The server refused the stream key. Check the key and go live again.";
                case CONNECT_REJECTED -> "The server refused the connection. Check the server URL (the app part,"
                        + " e.g. /live) and the key.";
                default -> "The server refused the stream (" + r.status().rawCode() + ").";
            };
        }
        if (t instanceof RtmpTimeoutException e) {
            return "The server did not answer (" + e.step() + ") within " + seconds(e.timeout().toMillis())
                    + ". Check the server URL and your network.";
        }
        if (t instanceof RtmpCertificateException) {
            return "The server's security certificate is not trusted, so the connection was not made."
                    + " Use a server with a valid certificate, or add its certificate to Java's trust store.";
        }
        if (t instanceof ConnectException) {
            return "Nothing answered at the server address (connection refused). Check the server URL and that"
                    + " the server is running.";
        }
        if (t instanceof UnknownHostException e) {
            return "The server name " + quote(e.getMessage()) + " could not be found. Check the server URL.";
        }
        if (t instanceof ClosedChannelException) {
            return "The connection to the server closed unexpectedly.";
        }
        if (t instanceof CameraException c) {
            return switch (c.reason()) {
                case NOT_FOUND -> "No camera was found. Connect a camera, or choose the screen or the test pattern.";
                case BUSY -> "The camera is in use by another program. Close that program and try again.";
                case PERMISSION_DENIED -> "This user may not open the camera (add it to the 'video' group).";
                case LOST -> "The camera stopped answering (unplugged?). Connect it again and choose it.";
                case UNSUPPORTED -> "The camera cannot deliver this picture: " + sentence(c.getMessage());
                default -> "The camera could not be used: " + sentence(c.getMessage());
            };
        }
        if (t instanceof AudioDeviceException a) {
            return "The microphone could not be opened: " + sentence(a.getMessage());
        }
        if (t instanceof EncoderUnavailableException e) {
            return "No H.264 encoder could be started: " + sentence(e.getMessage());
        }
        if (t instanceof CohostException c) {
            return cohost(c);
        }
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            return sentence(t.getMessage());
        }
        if (t instanceof IOException) {
            return "A network or device error stopped this: " + sentence(t.getMessage());
        }
        return "Something went wrong: " + sentence(t.getMessage() != null ? t.getMessage()
                : t.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
    }

    private static String cohost(CohostException c) {
        return switch (c.code()) {
            case UNAUTHORIZED, FORGED_TOKEN -> "The co-host server did not accept the token. Ask for a new one.";
            case TOKEN_EXPIRED -> "The co-host token has expired. Ask for a new one.";
            case NOT_INVITED -> "There is no invitation for you under that id.";
            case INVITATION_EXPIRED -> "The invitation expired before it was answered.";
            case INVITATION_USED -> "That invitation was already answered.";
            case INVITATION_CANCELLED -> "The host cancelled that invitation.";
            case NOT_HOST -> "Only the host may invite or remove co-hosts.";
            case UNKNOWN_USER -> "That user is not connected to this room right now.";
            case ROOM_FULL -> "The co-host room is full.";
            case MIXER_UNAVAILABLE -> "The mixer could not take the video right now. Try again in a moment.";
            default -> "The co-host server reported a problem: " + sentence(c.getMessage());
        };
    }

    /** Strips the wrappers futures and executors put around the real cause. */
    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException
                || cur instanceof java.lang.reflect.InvocationTargetException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /** @return the text with a capital first letter and a final full stop */
    static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "no reason was given.";
        }
        String s = text.strip();
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "'" + s + "'";
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String limit(String s) {
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 1) + "\u2026";
    }
}
