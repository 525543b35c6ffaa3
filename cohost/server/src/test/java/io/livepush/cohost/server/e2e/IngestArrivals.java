package io.livepush.cohost.server.e2e;

import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, in order, every coded video frame the in-JVM ingest receives (sequence headers left
 * out) with its wall-clock arrival time, so frame {@code k} of the recording's decode can be matched
 * with when it arrived and which SEI it carried.
 */
final class IngestArrivals implements RtmpIngestListener {
    private final List<IngestedMessage> frames = new ArrayList<>();

    @Override
    public synchronized void onMessage(IngestedMessage m) {
        if (m.typeId() == 9 && m.payload().length > 5 && m.payload()[1] == 1) {
            frames.add(m);
        }
    }

    synchronized List<IngestedMessage> frames() {
        return List.copyOf(frames);
    }

    /** @return the index of the first coded frame whose NAL units contain {@code text}, or -1 */
    synchronized int frameCarrying(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < frames.size(); i++) {
            if (indexOf(frames.get(i).payload(), needle) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
