package io.livepush.cohost.client;

import io.livepush.publisher.stream.LiveStream;

/**
 * What one switch of the audience key did (see {@link AudienceRelay}).
 *
 * @param toMix true for host -> mix, false for mix -> host
 * @param readyMs time the incoming side took to get ready while the outgoing one stayed on air
 * @param unpublishMs time the outgoing stream took to leave the key (last frames flushed, unpublished)
 * @param publishMs time from then until the ingest accepted the incoming stream
 * @param stream the host's stream now publishing to the key when it is the host's, else null
 */
public record AudienceSwitch(boolean toMix, long readyMs, long unpublishMs, long publishMs, LiveStream stream) {
    /** @return unpublish + publish: the audience's freeze, give or take one frame interval */
    public long totalMs() {
        return unpublishMs + publishMs;
    }

    @Override
    public String toString() {
        return (toMix ? "to mix" : "to host") + " ready " + readyMs + " ms, unpublish " + unpublishMs
                + " ms, publish " + publishMs + " ms";
    }
}
