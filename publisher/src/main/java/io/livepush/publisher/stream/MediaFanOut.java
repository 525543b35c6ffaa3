package io.livepush.publisher.stream;

import java.util.List;

/**
 * Hands every encoded packet to each output's own queue: one encode feeds N destinations and the
 * recording. Each queue applies its drop rules on its own, so a slow or dead output drops its own
 * frames and never holds the others back. The packets are immutable and shared. Thread-safe.
 */
final class MediaFanOut {
    private final List<MediaSendQueue> queues;

    MediaFanOut(List<MediaSendQueue> queues) {
        this.queues = List.copyOf(queues);
    }

    void offer(MediaPacket packet) {
        for (MediaSendQueue q : queues) {
            q.offer(packet);
        }
    }
}
